import { describe, expect, it } from "vitest";
import { decodeChain, decodeRow, type SnapshotRow } from "./chain";
import { encodeCounts } from "./codec";

/** A stored row for these counts, as a keyframe (previous null) or as the change since `previous`. */
function row(
  at: number,
  seats: number[],
  countries: number[],
  previous: { seats: number[]; countries: number[] } | null,
): SnapshotRow {
  return {
    fetched_at: at,
    total: seats.reduce((sum, count) => sum + count, 0),
    chain: previous ? 1 : 0,
    seats: encodeCounts(seats, previous?.seats ?? null),
    countries: encodeCounts(countries, previous?.countries ?? null),
  };
}

const first = { seats: [814, 0, 12], countries: [268_513, 40] };
const second = { seats: [900, 3, 12], countries: [268_700, 41] };

describe("decodeChain", () => {
  it("decodes a keyframe and the deltas after it to whole counts", () => {
    const snapshots = decodeChain([
      row(1, first.seats, first.countries, null),
      row(2, second.seats, second.countries, first),
    ]);
    expect(
      snapshots.map(({ at, total, seats, countries }) => ({
        at,
        total,
        seats: Array.from(seats),
        countries: Array.from(countries),
      })),
    ).toEqual([
      { at: 1, total: 826, ...first },
      { at: 2, total: 915, ...second },
    ]);
  });

  it("refuses a delta with no keyframe before it", () => {
    expect(() => decodeChain([row(2, second.seats, second.countries, first)])).toThrow(
      "Snapshot at 2 has no keyframe before it",
    );
  });
});

describe("decodeRow", () => {
  it("decodes a keyframe without a previous snapshot and a delta against one", () => {
    const keyframe = decodeRow(row(1, first.seats, first.countries, null), undefined);
    const delta = decodeRow(row(2, second.seats, second.countries, first), keyframe);
    expect([...delta.seats]).toEqual(second.seats);
    expect([...delta.countries]).toEqual(second.countries);
  });
});
