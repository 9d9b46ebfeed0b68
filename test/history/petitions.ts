/** Real petitions for history tests: the stand-in's open 650-seat fixture, and versions of it that have grown. */
import openFixture from "@/test/upstream/fixtures/700001.json";
import smallFixture from "@/test/upstream/fixtures/700003.json";
import { reshapePetition } from "@/lib/petitions/reshape";
import type { Petition } from "@/lib/petitions/types";

export const openPetition = (): Petition => reshapePetition(structuredClone(openFixture));
/** About 10,000 signatures; some seats are missing from its breakdown. */
export const smallPetition = (): Petition => reshapePetition(structuredClone(smallFixture));

/** What a petition's numbers might be `step` polls later: seat i gains step × (i mod 4); the UK and total follow. */
export function grown(base: Petition, step: number): Petition {
  let added = 0;
  const byConstituency = base.byConstituency.map((seat, index) => {
    const gain = step * (index % 4);
    added += gain;
    return { ...seat, count: seat.count + gain };
  });
  const byCountry = base.byCountry.map((country) =>
    country.code === "GB" ? { ...country, count: country.count + added } : country,
  );
  return { ...base, byConstituency, byCountry, signatureCount: base.signatureCount + added };
}

/** A seat's count in a petition, 0 when the breakdown omits it. */
export const seatCount = (petition: Petition, code: string) =>
  petition.byConstituency.find((seat) => seat.code === code)?.count ?? 0;

/** The petition's count for each of `codes` (0 where the breakdown omits one). */
export function seatCounts(petition: Petition, codes: readonly string[]): number[] {
  const byCode = new Map(petition.byConstituency.map((seat) => [seat.code, seat.count]));
  return codes.map((code) => byCode.get(code) ?? 0);
}
