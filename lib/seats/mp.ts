import type { MpRecord, SeatMeta } from "./types";

/** Titles before a name and post-nominals after it, as the petitions site and the Members API write them. */
const TITLES = new Set(
  "the rt right hon honourable sir dame lord lady mr mrs ms miss mx dr prof professor".split(" "),
);
const POST_NOMINALS = new Set("mp kc qc pc cbe obe mbe kbe dbe frs jr jnr".split(" "));

/** Short given names → the full forms they stand for, so "Bob Neill" and "Robert Neill" compare equal. */
const SHORT_GIVEN_NAMES: Record<string, readonly string[]> = {
  andy: ["andrew"],
  bill: ["william"],
  bob: ["robert"],
  chris: ["christopher", "christian", "christine", "christina"],
  dan: ["daniel"],
  dave: ["david"],
  ed: ["edward"],
  greg: ["gregory"],
  jim: ["james"],
  jon: ["jonathan"],
  matt: ["matthew"],
  mike: ["michael"],
  nick: ["nicholas"],
  nus: ["nusrat"],
  rob: ["robert"],
  steve: ["stephen", "steven"],
  tan: ["tanmanjeet"],
  tim: ["timothy"],
  tom: ["thomas"],
};

const sameGivenName = (a: string, b: string) =>
  a === b || (SHORT_GIVEN_NAMES[a]?.includes(b) ?? false) || (SHORT_GIVEN_NAMES[b]?.includes(a) ?? false);

const foldWord = (word: string) =>
  word
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** The words of a name without leading titles and trailing post-nominals, original spelling kept. */
export function stripHonorifics(name: string): string[] {
  const words = name.split(/\s+/).filter((word) => foldWord(word) !== "");
  let start = 0;
  let end = words.length;
  while (start < end && TITLES.has(foldWord(words[start]!))) start++;
  while (end > start && POST_NOMINALS.has(foldWord(words[end - 1]!))) end--;
  return words.slice(start, end);
}

/** Comparable tokens of a person's name: no honorifics, case, accents or punctuation; hyphens split words. */
export function personNameTokens(name: string): string[] {
  return stripHonorifics(name)
    .flatMap((word) => word.split("-"))
    .map(foldWord)
    .filter((token) => token !== "");
}

/**
 * Same person, as far as names tell within one seat: the same given name (short forms allowed) and surname,
 * with middle names given on one side only ("Angus Brendan MacNeil" = "Angus MacNeil").
 */
export function samePersonName(a: string, b: string): boolean {
  const left = personNameTokens(a);
  const right = personNameTokens(b);
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  if (shorter.length < 2) return false;
  const middle = longer.slice(1, -1);
  return (
    sameGivenName(shorter[0]!, longer[0]!) &&
    shorter.at(-1) === longer.at(-1) &&
    shorter.slice(1, -1).every((token) => middle.includes(token))
  );
}

export interface ResolvedMp {
  /** The petition's name for the MP without honorifics; "" when the petition names nobody. */
  displayName: string;
  /** The seat's records of that same person, oldest first; empty when the metadata does not know them. */
  records: MpRecord[];
}

/** The seat's MP records for the person the petition names (never another person's party). */
export function resolveMp(seat: SeatMeta, petitionMpName: string | null): ResolvedMp {
  const displayName = stripHonorifics(petitionMpName ?? "").join(" ");
  if (displayName === "" || displayName.toLowerCase() === "unknown") return { displayName: "", records: [] };
  return { displayName, records: seat.mps.filter((record) => samePersonName(record.name, displayName)) };
}
