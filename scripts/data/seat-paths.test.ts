import { describe, expect, it } from "vitest";
import { formatSteps, ringToPath } from "./seat-paths";

const identity = ([x = 0, y = 0]: number[]): [number, number] => [x, y];

describe("seat paths", () => {
  it.each([
    [2469, 2, "1234.5"],
    [-1, 2, "-.5"],
    [1, 2, ".5"],
    [4, 2, "2"],
    [0, 2, "0"],
    [-26, 2, "-13"],
    [12345, 10, "1234.5"],
    [-3, 10, "-.3"],
    [7, 1, "7"],
  ])("formats %d steps of 1/%d unit as %s", (steps, stepsPerUnit, text) => {
    expect(formatSteps(steps, stepsPerUnit)).toBe(text);
  });

  it("writes a closed ring with relative moves, minus signs and second decimal points as separators", () => {
    const square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    expect(ringToPath(square, identity)).toBe("M0 0l10 0 0 10-10 0z");
    const halves = [[0.5, 0], [2, 0.5], [2.5, 2], [0.5, 0]];
    expect(ringToPath(halves, identity)).toBe("M.5 0l1.5.5.5 1.5z");
  });

  it("rounds to half units, dropping points that rounding merges and rings that collapse", () => {
    expect(ringToPath([[0, 0], [0.2, 0], [1, 0], [1, 1], [0, 0]], identity)).toBe("M0 0l1 0 0 1z");
    expect(ringToPath([[0, 0], [0.1, 0.1], [0, 0.2], [0, 0]], identity)).toBeNull();
    expect(ringToPath([[0.26, 0.74], [3.1, 0.74], [3.1, 2.2], [0.26, 0.74]], identity)).toBe("M.5.5l2.5 0 0 1.5z");
  });
});
