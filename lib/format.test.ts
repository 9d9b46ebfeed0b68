import { describe, expect, it } from "vitest";
import { compareWithRate, formatCount, formatOrdinal, formatRate, formatShare } from "./format";

describe("format", () => {
  it.each([
    [formatCount(270294), "270,294"],
    [formatShare((814 / 268513) * 100), "0.30%"],
    [formatRate(9.7391), "9.74"],
    [formatRate(12.345), "12.3"],
    [formatOrdinal(1), "1st"],
    [formatOrdinal(2), "2nd"],
    [formatOrdinal(3), "3rd"],
    [formatOrdinal(11), "11th"],
    [formatOrdinal(112), "112th"],
    [formatOrdinal(650), "650th"],
    [formatOrdinal(621), "621st"],
  ])("%s = %s", (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each([
    [9.74, 5.48, "78% above the UK rate of 5.48"],
    [2.74, 5.48, "50% below the UK rate of 5.48"],
    [5.48, 5.48, "The same as the UK rate"],
    [1, 0, "No UK rate to compare with"],
  ])("compareWithRate(%d, %d)", (rate, uk, expected) => {
    expect(compareWithRate(rate, uk)).toBe(expected);
  });
});
