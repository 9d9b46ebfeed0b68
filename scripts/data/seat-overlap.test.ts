import { describe, expect, it } from "vitest";
import overlap from "@/data/seat-overlap.json";
import seats2010 from "@/data/seats-2010.json";
import seats2024 from "@/data/seats-2024.json";
import { seatOverlap } from "./seat-overlap";

describe("seatOverlap", () => {
  it("links every seat of each set to the seats of the other that hold its people", () => {
    const links = overlap as unknown as ReturnType<typeof seatOverlap>;
    const codes2010 = new Set(seats2010.map((seat) => seat.code));
    const codes2024 = new Set(seats2024.map((seat) => seat.code));
    expect(new Set(Object.keys(links["2010"]))).toEqual(codes2010);
    expect(new Set(Object.keys(links["2024"]))).toEqual(codes2024);
    for (const [set, other] of [
      ["2010", codes2024],
      ["2024", codes2010],
    ] as const) {
      for (const list of Object.values(links[set])) {
        expect(list.every(([code]) => other.has(code))).toBe(true);
        const total = list.reduce((sum, [, share]) => sum + share, 0);
        expect(total).toBeGreaterThan(0.95);
        expect(total).toBeLessThan(1.01);
      }
    }
  });

  it("shares each overlap by the people in it, largest first, and drops slivers", () => {
    const rows = [
      { PARL10: "A", PARL25: "x", overlap_pop: "900" },
      { PARL10: "A", PARL25: "y", overlap_pop: "100" },
      { PARL10: "B", PARL25: "y", overlap_pop: "300" },
      { PARL10: "B", PARL25: "x", overlap_pop: "1" },
    ];
    const result = seatOverlap(rows, new Map([["x", "X"], ["y", "Y"]]));
    expect(result["2010"]).toEqual({ A: [["X", 0.9], ["Y", 0.1]], B: [["Y", 0.997]] });
    expect(result["2024"]).toEqual({ X: [["A", 0.999]], Y: [["B", 0.75], ["A", 0.25]] });
  });
});
