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
      "the last of an hour between 48 h and 30 days",
      [0, 10, 59, 24 * 60].map((m) => NOW - 72 * HOUR_MS + m * MINUTE),
      2,
    ],
    ["the last of a day after 30 days", [0, 5, 23, 48].map((h) => NOW - 40 * DAY_MS + h * HOUR_MS), 2],
  ])("keeps %s", (_, list, kept) => {
    const sorted = [...list].sort((a, b) => a - b);
    expect(keptTimes(sorted, NOW)).toEqual(sorted.slice(-kept));
  });

  it("keeps the final total of a petition whose last snapshot is mid-hour, after 48 h and after 30 days", () => {
    // Polled every minute from 09:00 until it closed; the last snapshot, at 10:37, holds the final total.
    const opened = Date.parse("2026-03-02T09:00:00Z");
    const closed = Date.parse("2026-03-02T10:37:00Z");
    const polls = Array.from({ length: (closed - opened) / MINUTE + 1 }, (_, n) => opened + n * MINUTE);
    for (const later of [48 * HOUR_MS + MINUTE, 30 * DAY_MS + MINUTE, 365 * DAY_MS]) {
      const kept = keptTimes(polls, closed + later);
      expect(kept.at(-1)).toBe(closed);
      expect(kept.length).toBeLessThanOrEqual(2);
      // Thinned hour by hour on the way there, the same snapshots survive.
      const stepwise = [48, 24 * 30, 24 * 365].reduce(
        (left, hours) => keptTimes(left, closed + hours * HOUR_MS + MINUTE),
        polls,
      );
      expect(stepwise.at(-1)).toBe(closed);
    }
  });

  it("keeps the last snapshot of each tier's bucket, the newest and everything recent", () => {
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
        expect(kept.at(-1)).toBe(all.at(-1));
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
