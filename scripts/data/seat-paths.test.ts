import { describe, expect, it } from "vitest";
import { formatTenths, ringToPath } from "./seat-paths";

const identity = ([x = 0, y = 0]: number[]): [number, number] => [x, y];

describe("seat paths", () => {
  it.each([
    [12345, "1234.5"],
    [-5, "-.5"],
    [5, ".5"],
    [20, "2"],
    [0, "0"],
    [-130, "-13"],
  ])("formats %d tenths as %s", (tenths, text) => {
    expect(formatTenths(tenths)).toBe(text);
  });

  it("writes a closed ring with relative moves, minus signs as separators", () => {
    const square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    expect(ringToPath(square, identity)).toBe("M0 0l10 0 0 10-10 0z");
  });

  it("drops points that rounding merges and rings that collapse", () => {
    expect(ringToPath([[0, 0], [0.01, 0], [1, 0], [1, 1], [0, 0]], identity)).toBe("M0 0l1 0 0 1z");
    expect(ringToPath([[0, 0], [0.01, 0.01], [0, 0.02], [0, 0]], identity)).toBeNull();
  });
});
