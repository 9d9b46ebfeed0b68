import { describe, expect, it } from "vitest";
import { BOUNDARY_SETS } from "@/lib/seats/types";
import { readHexLayout, toHexLayout } from "./hex";
import { boundaryNames } from "./seats";

describe("hex layouts", () => {
  it.each(BOUNDARY_SETS)("%s places the 650 boundary codes, keys sorted, the same twice", (set) => {
    const layout = readHexLayout(set);
    const codes = Object.keys(layout.hexes);
    expect(codes).toEqual([...boundaryNames(set).keys()]);
    expect(JSON.stringify(readHexLayout(set))).toBe(JSON.stringify(layout));
  });

  it("keeps q and r and drops every other property", () => {
    const layout = toHexLayout({ layout: "odd-r", hexes: { B: { q: 1, r: -2 }, A: { q: 0, r: 0 } } });
    expect(JSON.stringify(layout)).toBe('{"layout":"odd-r","hexes":{"A":[0,0],"B":[1,-2]}}');
  });

  it.each([
    ["another layout", { layout: "even-q", hexes: {} }],
    ["two seats in one cell", { layout: "odd-r", hexes: { A: { q: 1, r: 1 }, B: { q: 1, r: 1 } } }],
    ["a missing coordinate", { layout: "odd-r", hexes: { A: { q: 1 } } }],
  ])("rejects %s", (_, hexjson) => {
    expect(() => toHexLayout(hexjson)).toThrow();
  });
});
