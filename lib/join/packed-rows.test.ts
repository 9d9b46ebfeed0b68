import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import archivedFixture from "@/test/upstream/fixtures/600001.json";
import { gainsSince, withMomentum } from "@/lib/history/momentum";
import { reshapePetition } from "@/lib/petitions/reshape";
import type { Petition } from "@/lib/petitions/types";
import { getSeats } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { grown, openPetition, seatCounts, smallPetition } from "@/test/history/petitions";
import { sharedData } from "@/scripts/data/paths";
import { joinPetition } from "./join";
import { codeRuns, expandCodeRuns, packRows, unpackRows } from "./packed-rows";
import type { JoinedPetition, SeatRow } from "./types";

const join = (petition: Petition, set: BoundarySet) => joinPetition(petition, set, getSeats(set));
const seed = join(reshapePetition(seedJson), "2010");
const open2024 = join(openPetition(), "2024");
const rejected = join(
  reshapePetition(
    JSON.parse(
      readFileSync(sharedData("petitions", "petition_751154_2025_rejected_no_breakdown.json"), "utf8"),
    ),
  ),
  "2024",
);

/** The open fixture four polls on, with gains over the last hour and day as the signature history measures them. */
function withRealMomentum(): JoinedPetition {
  const now = Date.parse("2026-03-01T13:00:00Z");
  const base = openPetition();
  const codes = base.byConstituency.map((seat) => seat.code).sort();
  const current = grown(base, 4);
  const snapshot = (step: number, at: number) => {
    const petition = grown(base, step);
    return { at, total: petition.signatureCount, seats: seatCounts(petition, codes), countries: [] };
  };
  const hour = gainsSince(current, now, snapshot(3, now - 1_800_000), codes);
  const day = gainsSince(current, now, snapshot(0, now - 3_600_000), codes);
  if (!hour || !day) throw new Error("The fixture should give both windows a baseline");
  const joined = join(current, "2024");
  return { ...joined, rows: withMomentum(joined.rows, { asOf: now, hour, day }) };
}
const momentum2024 = withRealMomentum();

/** The same petition with some rows changed, e.g. seats whose MP the metadata does not know. */
const editRows = (
  joined: JoinedPetition,
  edit: (row: SeatRow, index: number) => SeatRow,
): JoinedPetition => ({
  ...joined,
  rows: joined.rows.map(edit),
});
const noParty = { party: null, partyName: null, colour: null, note: null, memberId: null, twfyId: null };

const cases: [string, JoinedPetition][] = [
  ["the seed on the 2010 seats", seed],
  ["an archived 2019–24 petition on the 2010 seats", join(reshapePetition(archivedFixture), "2010")],
  ["an open petition on the 2024 seats", open2024],
  ["a small 2024 petition with seats missing from its breakdown", join(smallPetition(), "2024")],
  ["a rejected petition without a breakdown (no UK signatures)", rejected],
  [
    "the seed with every third seat lacking an MP",
    editRows(seed, (row, i) => (i % 3 ? row : { ...row, mp: null })),
  ],
  [
    "the 2024 petition with MPs of unknown party and ids",
    editRows(open2024, (row, i) =>
      i % 5 || !row.mp ? row : { ...row, mp: { name: row.mp.name, ...noParty } },
    ),
  ],
  ["the 2024 petition with momentum", momentum2024],
  [
    "momentum on only some seats",
    editRows(momentum2024, ({ momentum, ...row }, i) => (i % 2 && momentum ? { ...row, momentum } : row)),
  ],
];

/** What the browser gets: the packed rows after a trip through JSON, as the flight payload carries them. */
const sentAndUnpacked = (joined: JoinedPetition) =>
  unpackRows(JSON.parse(JSON.stringify(packRows(joined.rows, joined.national.uk))));

describe("packRows and unpackRows", () => {
  it.each(cases)("give back %s exactly, floats included", (_label, joined) => {
    expect(joined.rows.length).toBeGreaterThan(0);
    expect(sentAndUnpacked(joined)).toStrictEqual(joined.rows);
  });

  it.each(cases)("send only whole numbers for %s: every float is recomputed", (_label, joined) => {
    const numbers: number[] = [];
    JSON.stringify(packRows(joined.rows, joined.national.uk), (_key, value: unknown) => {
      if (typeof value === "number") numbers.push(value);
      return value;
    });
    expect(numbers.filter((value) => !Number.isInteger(value))).toEqual([]);
  });

  it.each([
    ["the seed on the 2010 seats", seed],
    ["an open petition on the 2024 seats", open2024],
    ["the 2024 petition with momentum", momentum2024],
  ])("shrink %s to under 35% of the rows' JSON", (_label, joined) => {
    const packedLength = JSON.stringify(packRows(joined.rows, joined.national.uk)).length;
    expect(packedLength).toBeLessThan(0.35 * JSON.stringify(joined.rows).length);
  });

  it("leaves momentum out of the rows when the petition has no signature history", () => {
    expect(packRows(seed.rows, seed.national.uk).momentum).toBeUndefined();
    expect(sentAndUnpacked(seed).some((row) => "momentum" in row)).toBe(false);
  });

  it("refuses packed rows with a column cut short", () => {
    const packed = packRows(seed.rows, seed.national.uk);
    expect(() => unpackRows({ ...packed, counts: packed.counts.slice(1) })).toThrow(RangeError);
  });
});

describe("codeRuns and expandCodeRuns", () => {
  it.each<BoundarySet>(["2010", "2024"])(
    "send the %s seats' codes as a few runs and give them back",
    (set) => {
      const codes = getSeats(set).map((seat) => seat.code);
      const runs = codeRuns(codes);
      expect(runs.length).toBeLessThanOrEqual(10);
      expect(expandCodeRuns(runs)).toEqual(codes);
    },
  );

  it("start a new run at a gap, a code not numbered in sequence, or a number that outgrows its digits", () => {
    const codes = ["E14000001", "E14000002", "E14000004", "S14000009", "S14000010", "X", "E9", "E10"];
    expect(codeRuns(codes)).toEqual([
      ["E14000001", 2],
      ["E14000004", 1],
      ["S14000009", 2],
      ["X", 1],
      ["E9", 1],
      ["E10", 1],
    ]);
    expect(expandCodeRuns(codeRuns(codes))).toEqual(codes);
  });

  it("refuses a run longer than its numbering allows", () => {
    expect(() => expandCodeRuns([["E98", 3]])).toThrow(RangeError);
  });
});
