import { describe, expect, it } from "vitest";
import { competitionRanks } from "./rank";

describe("competitionRanks", () => {
  it.each([
    [[], []],
    [[5], [1]],
    [
      [1, 3, 2],
      [3, 1, 2],
    ],
    [
      [634, 814, 634, 10],
      [2, 1, 2, 4],
    ],
    [
      [0, 0, 0],
      [1, 1, 1],
    ],
  ])("%j → %j", (values, ranks) => {
    expect(competitionRanks(values)).toEqual(ranks);
  });
});
