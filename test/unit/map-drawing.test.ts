import { describe, expect, it } from "vitest";
import { OUTLINE_WIDTHS, outlineWidthAt } from "@/components/map/map-style";

describe("outlineWidthAt", () => {
  it.each([
    [2, 0.3],
    [4, 0.3],
    [6, 0.65],
    [8, 1],
    [9.5, 1.25],
    [11, 1.5],
    [14, 1.5],
  ])("at zoom %d draws %d px, as MapLibre interpolates OUTLINE_WIDTHS", (zoom, width) => {
    expect(outlineWidthAt(zoom)).toBeCloseTo(width, 9);
  });

  it("has its stops in zoom order", () => {
    const zooms = OUTLINE_WIDTHS.map(([zoom]) => zoom);
    expect(zooms).toEqual([...zooms].sort((a, b) => a - b));
  });
});
