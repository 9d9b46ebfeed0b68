import type { Result } from "lighthouse";
import { describe, expect, it } from "vitest";
import { lighthouseMarkdown, readScores } from "./lighthouse";

/** The parts of a Lighthouse result that readScores reads. */
function result(scores: Record<string, number | null>, audits: Record<string, number>): Result {
  return {
    categories: Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { id, score }])),
    audits: Object.fromEntries(
      Object.entries(audits).map(([id, numericValue]) => [id, { id, numericValue }]),
    ),
  } as unknown as Result;
}

const complete = result(
  { performance: 0.634, accessibility: 1, "best-practices": 0.96, seo: 1 },
  { "total-blocking-time": 2960.4, "largest-contentful-paint": 3150 },
);

describe("readScores", () => {
  it("turns Lighthouse's 0–1 scores into the 0–100 it displays and keeps TBT and LCP", () => {
    expect(readScores(complete)).toEqual({
      scores: { performance: 63, accessibility: 100, "best-practices": 96, seo: 100 },
      totalBlockingTime: 2960.4,
      largestContentfulPaint: 3150,
    });
  });

  it("fails on a category Lighthouse could not score rather than reporting 0", () => {
    const failed = result(
      { performance: null, accessibility: 1, "best-practices": 1, seo: 1 },
      { "total-blocking-time": 1, "largest-contentful-paint": 1 },
    );
    expect(() => readScores(failed)).toThrow(/no performance score/);
  });
});

describe("lighthouseMarkdown", () => {
  it("reports the median of the runs and the range of performance scores", () => {
    const run = (performance: number, tbt: number) => ({
      ...readScores(complete),
      scores: { ...readScores(complete).scores, performance },
      totalBlockingTime: tbt,
    });
    const markdown = lighthouseMarkdown([
      { page: "Seed", preset: "mobile", runs: [run(61, 3000), run(64, 2900), run(62, 2950)] },
    ]);
    expect(markdown).toContain("| Seed | mobile | 3 | 62 | 100 | 96 | 100 | 2950 ms | 3150 ms | 61–64 |");
  });
});
