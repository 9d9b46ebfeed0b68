import { describe, expect, it } from "vitest";
import { firstParam } from "./search-params";

describe("firstParam", () => {
  it.each([
    ["a single value", { q: "salford" }, "salford"],
    ["the first of a repeated parameter", { q: ["salford", "eccles"] }, "salford"],
    ["an absent parameter", {}, ""],
    ["an empty list", { q: [] }, ""],
  ])("reads %s from a page's searchParams", (_, params, expected) => {
    expect(firstParam(params, "q")).toBe(expected);
  });

  it("reads a URL's parameters the same way", () => {
    const params = new URLSearchParams("q=salford&q=eccles");
    expect(firstParam(params, "q")).toBe("salford");
    expect(firstParam(params, "page")).toBe("");
  });
});
