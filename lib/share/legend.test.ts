import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { joinPetition } from "@/lib/join/join";
import { reshapePetition } from "@/lib/petitions/reshape";
import { buildScale } from "@/lib/scale/scale";
import { getSeats } from "@/lib/seats";
import { legendEntries } from "./legend";

const seats = getSeats("2010");
const seed = reshapePetition(seedJson);

describe("legendEntries", () => {
  it("lists every class of the seed with its seats, 650 in all", () => {
    const joined = joinPetition(seed, "2010", seats);
    const entries = legendEntries(buildScale("count", joined.rows, joined.national));
    expect(entries).toHaveLength(7);
    expect(entries[0]?.range).toMatch(/^60 to under /);
    expect(entries.at(-1)?.range).toMatch(/ or more$/);
    expect(entries.reduce((sum, entry) => sum + entry.seats, 0)).toBe(650);
  });

  it("shows only 'None' for a petition without a breakdown", () => {
    const joined = joinPetition({ ...seed, byConstituency: [], byCountry: [] }, "2010", seats);
    const entries = legendEntries(buildScale("count", joined.rows, joined.national));
    expect(entries).toEqual([expect.objectContaining({ range: "None", seats: 650 })]);
  });
});
