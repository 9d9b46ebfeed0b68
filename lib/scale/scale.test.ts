import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { joinPetition } from "@/lib/join/join";
import type { Petition } from "@/lib/petitions/types";
import { reshapePetition } from "@/lib/petitions/reshape";
import { getSeats } from "@/lib/seats";
import { buildScale, classOf, colourOf, metricValue, ZERO_COLOUR, type Metric } from "./scale";

const seats = getSeats("2010");
const seed = joinPetition(reshapePetition(seedJson), "2010", seats);

/** A petition with the seed's shape and a given count per seat (deterministic, no randomness). */
function petitionWithCounts(countFor: (index: number) => number): Petition {
  const base = reshapePetition(seedJson);
  const byConstituency = seats.map((seat, index) => ({
    name: seat.name,
    code: seat.code,
    mp: null,
    count: countFor(index),
  }));
  const uk = byConstituency.reduce((sum, row) => sum + row.count, 0);
  return {
    ...base,
    signatureCount: uk,
    byCountry: [{ name: "United Kingdom", code: "GB", count: uk }],
    byConstituency,
  };
}

describe("buildScale", () => {
  it.each<Metric>(["count", "share", "rate"])("puts every seat of the seed in a class (%s)", (metric) => {
    const scale = buildScale(metric, seed.rows, seed.national);
    expect(scale.colours.length).toBe(scale.thresholds.length + 1);
    expect(scale.seatsPerClass.reduce((a, b) => a + b, 0) + scale.zeroSeats).toBe(650);
    expect(scale.seatsPerClass.every((seatsInClass) => seatsInClass > 0)).toBe(true);
    expect(new Set(scale.colours).size).toBe(scale.colours.length);
    expect(scale.colours).not.toContain(ZERO_COLOUR);
  });

  it("classes the seed's counts in 7 quantiles", () => {
    const scale = buildScale("count", seed.rows, seed.national);
    expect(scale.colours).toHaveLength(7);
    expect(Math.max(...scale.seatsPerClass) - Math.min(...scale.seatsPerClass)).toBeLessThan(20);
  });

  it("splits the seed's rate map at the UK rate, with seats on both sides", () => {
    const scale = buildScale("rate", seed.rows, seed.national);
    expect(scale.kind).toBe("diverging");
    expect(scale.centre).toBeCloseTo(seed.national.ukPerThousand);
    expect(scale.thresholds).toContain(seed.national.ukPerThousand);
    const below = seed.rows.filter((row) => row.perThousand < seed.national.ukPerThousand).length;
    const above = seed.rows.filter((row) => row.perThousand >= seed.national.ukPerThousand).length;
    expect(below).toBeGreaterThan(0);
    expect(above).toBeGreaterThan(0);
    const centreClass = classOf(scale, seed.national.ukPerThousand);
    const belowSeats = scale.seatsPerClass.slice(0, centreClass).reduce((a, b) => a + b, 0);
    expect(belowSeats).toBe(below);
  });

  it("gives a ~10,000-signature petition at least 5 classes, each with seats", () => {
    const small = petitionWithCounts((index) => (index * 7919) % 31);
    const joined = joinPetition(small, "2010", seats);
    expect(joined.national.uk).toBeGreaterThan(9000);
    expect(joined.national.uk).toBeLessThan(11000);
    const scale = buildScale("count", joined.rows, joined.national);
    expect(scale.colours.length).toBeGreaterThanOrEqual(5);
    expect(scale.seatsPerClass.every((seatsInClass) => seatsInClass > 0)).toBe(true);
  });

  it("keeps a tiny petition readable: zero seats apart, the rest classed", () => {
    const tiny = petitionWithCounts((index) => (index % 3 === 0 ? 1 : index % 7 === 0 ? 2 : 0));
    const joined = joinPetition(tiny, "2010", seats);
    const scale = buildScale("count", joined.rows, joined.national);
    expect(scale.zeroSeats).toBe(joined.rows.filter((row) => row.count === 0).length);
    expect(scale.colours.length).toBeGreaterThanOrEqual(2);
    expect(colourOf(scale, 0)).toBe(ZERO_COLOUR);
    expect(colourOf(scale, 1)).not.toBe(colourOf(scale, 2));
  });

  it("copes with a huge petition and flags far outliers", () => {
    const huge = petitionWithCounts((index) => (index === 0 ? 2_000_000 : 3000 + ((index * 37) % 900)));
    const joined = joinPetition(huge, "2010", seats);
    const scale = buildScale("count", joined.rows, joined.national);
    expect(scale.max).toBe(2_000_000);
    expect(scale.cappedAbove).not.toBeNull();
    expect(classOf(scale, 2_000_000)).toBe(scale.colours.length - 1);
  });

  it("gives a petition with no breakdown one grey map", () => {
    const empty = petitionWithCounts(() => 0);
    const joined = joinPetition(empty, "2010", seats);
    const scale = buildScale("rate", joined.rows, joined.national);
    expect(scale.zeroSeats).toBe(650);
    expect(joined.rows.every((row) => colourOf(scale, metricValue(row, "rate")) === ZERO_COLOUR)).toBe(true);
  });
});

describe("classOf", () => {
  const scale = { thresholds: [10, 20, 30] };
  it.each([
    [0, -1],
    [-5, -1],
    [1, 0],
    [9.99, 0],
    [10, 1],
    [29.9, 2],
    [30, 3],
    [1e9, 3],
  ])("%d → class %d", (value, expected) => {
    expect(classOf(scale, value)).toBe(expected);
  });
});
