import { describe, expect, it } from "vitest";
import { crownDependencyOf, normalisePostcode } from "./normalise";

describe("normalisePostcode", () => {
  it.each([
    ["SW1A 1AA", "SW1A 1AA"],
    ["sw1a1aa", "SW1A 1AA"],
    [" SW1A  1AA ", "SW1A 1AA"],
    ["\tls1 1ur\n", "LS1 1UR"],
    ["b11aa", "B1 1AA"],
    ["ec1a 1bb", "EC1A 1BB"],
    ["npt0ad", "NPT 0AD"],
  ])("normalises %j to %s", (raw, expected) => {
    expect(normalisePostcode(raw)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "XYZ",
    "SW1A",
    "SW1A 1A",
    "1AA SW1",
    "<script>",
    "SW1A 1AA; DROP",
    "S".repeat(100),
    "NPTX 0AD",
  ])("rejects %j", (raw) => {
    expect(normalisePostcode(raw)).toBeNull();
  });
});

describe("crownDependencyOf", () => {
  it.each([
    ["GY1 1AA", "Guernsey"],
    ["JE2 3AB", "Jersey"],
    ["IM1 1AA", "Isle of Man"],
    ["G1 1AA", null],
    ["IG1 1AA", null],
    ["SW1A 1AA", null],
  ])("%s → %s", (postcode, expected) => {
    expect(crownDependencyOf(postcode)).toBe(expected);
  });
});
