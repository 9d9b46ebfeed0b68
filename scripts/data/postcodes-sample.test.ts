import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/seeded-random";
import { sampleOf } from "./postcodes-sample";

describe("sampleOf", () => {
  const items = Array.from({ length: 10_000 }, (_, index) => `item${index}`);

  it("picks the same distinct items, in their original order, for the same seed", () => {
    const sample = sampleOf(items, 500, 42);
    expect(sampleOf(items, 500, 42)).toEqual(sample);
    expect(new Set(sample).size).toBe(500);
    const positions = sample.map((item) => items.indexOf(item));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("differs between seeds and spreads across the whole list", () => {
    const sample = sampleOf(items, 500, 1);
    expect(sample).not.toEqual(sampleOf(items, 500, 2));
    const positions = sample.map((item) => items.indexOf(item));
    expect(Math.min(...positions)).toBeLessThan(200);
    expect(Math.max(...positions)).toBeGreaterThan(9_800);
  });

  it("returns everything when asked for more than there is", () => {
    expect(sampleOf(items.slice(0, 10), 50, 3)).toEqual(items.slice(0, 10));
  });
});

describe("seededRandom", () => {
  it("stays within [0, 1) with a mean near one half", () => {
    const random = seededRandom(99);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((sum, value) => sum + value, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
