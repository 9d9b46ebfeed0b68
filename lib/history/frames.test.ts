import { describe, expect, it } from "vitest";
import { joinPetition } from "@/lib/join/join";
import { buildScale, METRICS, type ColourScale, type Metric } from "@/lib/scale/scale";
import { getSeats } from "@/lib/seats";
import { grown, openPetition, seatCounts } from "@/test/history/petitions";
import { figuresAt, type SeatFrame } from "./frames";

const T0 = Date.parse("2026-03-01T12:00:00Z");
const MINUTE = 60_000;
const base = openPetition();
const steps = [0, 1, 2, 3, 4];
const latest = grown(base, steps.at(-1)!);
const codes = base.byConstituency.map((seat) => seat.code).sort();
const uk = (step: number) =>
  grown(base, step).byCountry.find((country) => country.code === "GB")?.count ?? null;
const frames: SeatFrame[] = steps.map((step) => ({
  at: new Date(T0 + step * 20 * MINUTE).toISOString(),
  total: grown(base, step).signatureCount,
  uk: uk(step),
  seats: seatCounts(grown(base, step), codes),
}));
const joined = joinPetition(latest, "2024", getSeats("2024"));
const scales = Object.fromEntries(
  METRICS.map((metric) => [metric, buildScale(metric, joined.rows, joined.national)]),
) as Record<Metric, ColourScale>;
const today = { rows: joined.rows, national: joined.national, scales };

describe("the atlas at a past snapshot", () => {
  it("reproduces today's figures at today's snapshot", () => {
    const figures = figuresAt(today, codes, frames, steps.length - 1);
    const pick = (rows: typeof joined.rows) =>
      rows.map(({ code, count, share, perThousand, rank }) => ({ code, count, share, perThousand, rank }));
    expect(pick(figures.rows)).toEqual(pick(joined.rows));
    expect(figures.national).toEqual(joined.national);
    for (const metric of ["count", "share", "rate"] as const) {
      expect(figures.scales[metric].seatsPerClass).toEqual(scales[metric].seatsPerClass);
    }
  });

  it("recounts an earlier snapshot under today's class breaks", () => {
    const figures = figuresAt(today, codes, frames, 1);
    const expected = joinPetition(grown(base, 1), "2024", getSeats("2024"));
    expect(figures.rows.map((row) => row.count)).toEqual(expected.rows.map((row) => row.count));
    expect(figures.rows.map((row) => row.rank)).toEqual(expected.rows.map((row) => row.rank));
    expect(figures.national.total).toBe(grown(base, 1).signatureCount);
    expect(figures.national.uk).toBe(uk(1));
    const count = figures.scales.count;
    expect(count.thresholds).toEqual(scales.count.thresholds);
    expect(count.seatsPerClass.reduce((sum, seats) => sum + seats, 0) + count.zeroSeats).toBe(650);
  });

  it("gives momentum since the first snapshot while the history is younger than the window", () => {
    expect(figuresAt(today, codes, frames, 0).rows.every((row) => row.momentum === undefined)).toBe(true);
    const figures = figuresAt(today, codes, frames, 4);
    for (const row of figures.rows) {
      const index = base.byConstituency.findIndex((seat) => seat.code === row.code);
      const gain = index < 0 ? 0 : 4 * (index % 4);
      // 80 minutes of history: the day window starts at the first frame, the hour window at the frame 60 min back.
      expect(row.momentum?.day).toBe(gain);
      expect(row.momentum?.hour).toBe(index < 0 ? 0 : 3 * (index % 4));
    }
  });
});
