import fc from "fast-check";
import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { decodeCounts, encodeCounts, sameCounts } from "./codec";

const seedCounts = seedJson.data.attributes.signatures_by_constituency.map((seat) => seat.signature_count);
const count = fc.integer({ min: 0, max: 7_000_000 });

describe("snapshot vectors", () => {
  it("round-trip any counts against any shorter-or-equal previous vector", () => {
    fc.assert(
      fc.property(fc.array(count, { maxLength: 700 }), fc.array(count, { maxLength: 700 }), (a, b) => {
        const [previous, counts] = a.length <= b.length ? [a, b] : [b, a];
        expect(Array.from(decodeCounts(encodeCounts(counts, previous), previous))).toEqual(counts);
        expect(Array.from(decodeCounts(encodeCounts(counts, null), null))).toEqual(counts);
      }),
    );
  });

  it.each([
    ["the seed's 650 seats as a keyframe", null, seedCounts, 1300],
    [
      "a minute of growth (0–3 per seat)",
      seedCounts,
      seedCounts.map((value, index) => value + (index % 4)),
      300,
    ],
    ["no change at all", seedCounts, seedCounts, 20],
  ])("keep %s small", (_, previous, counts, maxBytes) => {
    const blob = encodeCounts(counts, previous);
    expect(blob.length).toBeLessThan(maxBytes);
    expect(Array.from(decodeCounts(blob, previous))).toEqual(counts);
  });

  it.each([[-1], [1.5], [Number.NaN], [2 ** 31]])("refuse %s as a count", (bad) => {
    expect(() => encodeCounts([1, bad, 3], null)).toThrow(RangeError);
  });

  it("refuse a blob that was cut short or decoded against a longer vector", () => {
    const blob = encodeCounts(seedCounts, null);
    expect(() => decodeCounts(blob.subarray(0, blob.length - 4), null)).toThrow();
    expect(() => decodeCounts(encodeCounts([1, 2], null), [1, 2, 3])).toThrow(/fewer codes/);
  });

  it.each([
    [[1, 2, 0], [1, 2], true],
    [[1, 2], [1, 2, 0], true],
    [[1, 2], [1, 3], false],
    [[1, 2], [1, 2, 5], false],
  ])("compare %j and %j as %s", (a, b, same) => {
    expect(sameCounts(a, b)).toBe(same);
  });
});
