import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, maxRetained, RETENTION, survivors } from "./retention";

const NOW = Date.parse("2026-06-01T00:00:00Z");
const MINUTE = 60_000;
const times = fc
  .uniqueArray(fc.integer({ min: NOW - 60 * DAY_MS, max: NOW }), { maxLength: 400 })
  .map((values) => values.sort((a, b) => a - b));
const keptTimes = (all: number[], now: number) => [...survivors(all, now)].map((index) => all[index]!);

describe("retention", () => {
  it.each([
    ["everything younger than 48 h", [NOW - 47 * HOUR_MS, NOW - 47 * HOUR_MS + MINUTE, NOW - MINUTE], 3],
    [
      "the first of an hour between 48 h and 30 days",
      [0, 10, 59].map((m) => NOW - 72 * HOUR_MS + m * MINUTE),
      1,
    ],
    ["the first of a day after 30 days", [0, 5, 23].map((h) => NOW - 40 * DAY_MS + h * HOUR_MS), 1],
  ])("keeps %s", (_, list, kept) => {
    const sorted = [...list].sort((a, b) => a - b);
    expect(keptTimes(sorted, NOW)).toEqual(sorted.slice(0, kept));
  });

  it("keeps the first snapshot of each tier's bucket and everything recent", () => {
    fc.assert(
      fc.property(times, (all) => {
        const kept = keptTimes(all, NOW);
        for (const at of all.filter((value) => NOW - value <= RETENTION.keepAllMs))
          expect(kept).toContain(at);
        const hourly = kept.filter(
          (at) => NOW - at > RETENTION.keepAllMs && NOW - at <= RETENTION.hourlyUntilMs,
        );
        expect(new Set(hourly.map((at) => Math.floor(at / HOUR_MS))).size).toBe(hourly.length);
        const daily = kept.filter((at) => NOW - at > RETENTION.hourlyUntilMs);
        expect(new Set(daily.map((at) => Math.floor(at / DAY_MS))).size).toBe(daily.length);
        expect(kept[0]).toBe(all[0]);
      }),
    );
  });

  it("gives the same result thinned step by step as thinned once", () => {
    fc.assert(
      fc.property(times, fc.integer({ min: 0, max: 40 * DAY_MS }), (all, later) => {
        const once = keptTimes(all, NOW + later);
        const stepwise = keptTimes(keptTimes(all, NOW), NOW + later);
        expect(stepwise).toEqual(once);
      }),
    );
  });

  it("bounds a year of one-minute polling by maxRetained", () => {
    const start = NOW - 365 * DAY_MS;
    const everyMinute = Array.from({ length: (365 * DAY_MS) / MINUTE }, (_, index) => start + index * MINUTE);
    const kept = survivors(everyMinute, NOW).size;
    expect(kept).toBeLessThanOrEqual(maxRetained(365 * DAY_MS, MINUTE));
    // 48 h of minutes, 28 days of hours, 335 days.
    expect(kept).toBeGreaterThanOrEqual(2880 + 28 * 24 + 334);
  });
});
