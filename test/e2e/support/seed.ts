import seed from "@/data/petitions/575833.json";

/** What the seat panel must show for a seat of the seed petition, computed from the raw petition JSON. */
export interface ExpectedSeat {
  code: string;
  name: string;
  count: number;
  /** As shown: thousands separated, e.g. "1,234". */
  signatures: string;
  /** Percentage of the petition's UK signatures to 2 dp, e.g. "0.30%". */
  share: string;
  /** Competition rank among all seats, e.g. "1st of 650" (or "Joint 12th of 650"). */
  rank: string;
}

export const SEED_ID = seed.data.id;
const attributes = seed.data.attributes;
const ukSignatures = attributes.signatures_by_country.find(
  (country) => country.code === "GB",
)?.signature_count;
if (ukSignatures === undefined) throw new Error("The seed petition has no UK signature count");
const seats = attributes.signatures_by_constituency;

export const SEED_SEAT_COUNT = seats.length;

export function expectedSeat(code: string): ExpectedSeat {
  const seat = seats.find((candidate) => candidate.ons_code === code);
  if (!seat) throw new Error(`Seat ${code} is not in the seed petition`);
  const count = seat.signature_count;
  const above = seats.filter((other) => other.signature_count > count).length;
  const tied = seats.filter((other) => other.signature_count === count).length > 1;
  return {
    code,
    name: seat.name,
    count,
    signatures: count.toLocaleString("en-GB"),
    share: `${((count / (ukSignatures as number)) * 100).toFixed(2)}%`,
    rank: `${tied ? "Joint " : ""}${ordinal(above + 1)} of ${seats.length}`,
  };
}

/** Seats in signature order, most first (ties by code), for picking "the nth seat in the table". */
export function seedSeatsBySignatures(): ExpectedSeat[] {
  return seats
    .toSorted((a, b) => b.signature_count - a.signature_count || a.ons_code.localeCompare(b.ons_code))
    .map((seat) => expectedSeat(seat.ons_code));
}

/** `count` different seats chosen by a seeded generator, so every run checks the same ones. */
export function sampleSeedSeats(count: number, randomSeed: number): ExpectedSeat[] {
  const next = seededRandom(randomSeed);
  const codes = seats.map((seat) => seat.ons_code);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, codes.length)) {
    const code = codes[Math.floor(next() * codes.length)];
    if (code) chosen.add(code);
  }
  return [...chosen].map(expectedSeat);
}

/** A linear congruential generator (Numerical Recipes constants): good enough to pick test cases. */
function seededRandom(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
