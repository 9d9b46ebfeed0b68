/** Finding a seat by constituency or MP name, the same on the server (no-JS results) and in the combobox. */

import { nameKey } from "@/lib/seats/names";

export interface SearchableSeat {
  code: string;
  name: string;
  mpName: string | null;
}

export interface SeatMatch {
  code: string;
  name: string;
  mpName: string | null;
  /** What matched, so a result can say "MP: …". */
  matchedOn: "name" | "mp";
}

const MP_NOISE = /\b(the|rt|right|hon|honourable|sir|dame|mr|mrs|ms|miss|dr|mp|kc|qc)\b/g;

/**
 * Seats whose name (or MP's name) contains every word of the query, best first: exact name, then names that
 * start with the query, then word matches; constituency names before MP names.
 */
export function searchSeats(query: string, seats: readonly SearchableSeat[], limit = 8): SeatMatch[] {
  const folded = nameKey(query);
  if (folded.length < 2) return [];
  const words = folded.split(" ");
  const scored: { match: SeatMatch; score: number }[] = [];
  for (const seat of seats) {
    const name = nameKey(seat.name);
    const mp = seat.mpName ? nameKey(seat.mpName).replace(MP_NOISE, " ").replace(/\s+/g, " ").trim() : "";
    const nameScore = scoreText(name, folded, words);
    const mpScore = mp ? scoreText(mp, folded, words) - 0.5 : -1;
    const best = Math.max(nameScore, mpScore);
    if (best < 0) continue;
    scored.push({
      match: {
        code: seat.code,
        name: seat.name,
        mpName: seat.mpName,
        matchedOn: nameScore >= mpScore ? "name" : "mp",
      },
      score: best,
    });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.match.name.localeCompare(b.match.name, "en-GB"))
    .slice(0, limit)
    .map((entry) => entry.match);
}

function scoreText(text: string, query: string, words: readonly string[]): number {
  if (text === query) return 3;
  if (text.startsWith(query)) return 2;
  const textWords = text.split(" ");
  const allWords = words.every((word) => textWords.some((textWord) => textWord.startsWith(word)));
  return allWords ? 1 : -1;
}

/** Whether the input is meant as a postcode rather than a name: letters then a digit, short. */
export function looksLikePostcode(query: string): boolean {
  return /^[a-z]{1,2}\d[a-z\d]?\s*\d?[a-z]{0,2}$/i.test(query.trim());
}
