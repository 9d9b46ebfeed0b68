import { describe, expect, it } from "vitest";
import { MERCATOR_SCALE, projectMercator, unprojectMercator } from "./mercator";

describe("projectMercator", () => {
  it.each([
    [-180, 0, 0, MERCATOR_SCALE / 2],
    [0, 0, MERCATOR_SCALE / 2, MERCATOR_SCALE / 2],
    [180, 0, MERCATOR_SCALE, MERCATOR_SCALE / 2],
  ])("(%d, %d) → (%d, %d)", (lng, lat, x, y) => {
    const [px, py] = projectMercator(lng, lat);
    expect(px).toBeCloseTo(x, 9);
    expect(py).toBeCloseTo(y, 9);
  });

  it("grows y southwards and round-trips through unprojectMercator", () => {
    const [, north] = projectMercator(-1, 60);
    const [, south] = projectMercator(-1, 50);
    expect(north).toBeLessThan(south);
    const [lng, lat] = unprojectMercator(...projectMercator(-3.2, 55.95));
    expect(lng).toBeCloseTo(-3.2, 9);
    expect(lat).toBeCloseTo(55.95, 9);
  });
});
