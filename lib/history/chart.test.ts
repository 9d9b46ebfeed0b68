import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTick, linearScale, linePath, niceTicks, summarise, timeTicks } from "./chart";

const T0 = Date.parse("2026-03-01T12:00:00Z");

describe("timeline chart geometry", () => {
  it.each([
    [0, 270_294, [0, 100_000, 200_000, 300_000]],
    [160_559, 180_059, [160_000, 165_000, 170_000, 175_000, 180_000, 185_000]],
    [0, 0, [0, 1]],
    [1, 1, [0, 1]],
    [500, 500, [0, 200, 400, 600]],
  ])("niceTicks(%i, %i) gives %j", (min, max, ticks) => {
    expect(niceTicks(min, max)).toEqual(ticks);
  });

  it("niceTicks always covers the values with round, even steps", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 1, max: 1e7 }), (a, b) => {
        const [min, max] = [Math.min(a, b), Math.max(a, b)];
        const ticks = niceTicks(min, max);
        expect(ticks[0]).toBeLessThanOrEqual(min);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        const steps = new Set(ticks.slice(1).map((tick, index) => tick - ticks[index]!));
        expect(steps.size).toBe(1);
        const step = [...steps][0]!;
        expect([1, 2, 5]).toContain(step / 10 ** Math.floor(Math.log10(step)));
      }),
    );
  });

  it("timeTicks stay inside the span, at most `count`, evenly spaced (months for long spans)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        fc.integer({ min: 2, max: 6 }),
        (span, count) => {
          const ticks = timeTicks(T0, T0 + span, count);
          expect(ticks.every((tick) => tick >= T0 && tick <= T0 + span)).toBe(true);
          expect(ticks.length).toBeLessThanOrEqual(Math.max(2, count + 1));
          const evenGaps = new Set(ticks.slice(1).map((tick, index) => tick - ticks[index]!)).size <= 1;
          const monthStarts = ticks.every((tick) => new Date(tick).getUTCDate() === 1);
          expect(evenGaps || monthStarts).toBe(true);
        },
      ),
    );
  });

  it("puts long spans' ticks on the first of the month", () => {
    const ticks = timeTicks(Date.parse("2021-03-05T11:05:39Z"), Date.parse("2021-07-12T13:59:45Z"), 4);
    expect(ticks.map((tick) => new Date(tick).toISOString().slice(0, 10))).toEqual([
      "2021-04-01",
      "2021-05-01",
      "2021-06-01",
      "2021-07-01",
    ]);
  });

  it.each([
    [5 * 60_000, "12:00:00"],
    [3_600_000, "12:00"],
    [10 * 86_400_000, "1 Mar"],
  ])("labels a tick of a %i ms span as %s (UK time)", (span, label) => {
    expect(formatTick(T0, span)).toBe(label);
  });

  it("draws the line through scaled points", () => {
    const x = linearScale([T0, T0 + 2000], [0, 100]);
    const y = linearScale([0, 10], [50, 0]);
    const points = [0, 1000, 2000].map((offset, index) => ({ at: T0 + offset, value: index * 5 }));
    expect(linePath(points, x, y)).toBe("M0.0,50.0L50.0,25.0L100.0,0.0");
  });

  it.each([
    [[], "No recorded history of total signatures."],
    [[{ at: T0, value: 1200 }], "One snapshot of total signatures: 1,200 at 1 March 2026 at 12:00:00."],
    [
      [
        { at: T0, value: 1200 },
        { at: T0 + 60_000, value: 1500 },
      ],
      "Total signatures rose from 1,200 to 1,500 between 1 March 2026 at 12:00:00 and 1 March 2026 at 12:01:00 (2 snapshots).",
    ],
  ])("summarises %j in one sentence", (points, sentence) => {
    expect(summarise("total signatures", points)).toBe(sentence);
  });
});
