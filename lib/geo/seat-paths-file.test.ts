import { describe, expect, it } from "vitest";
import { getGeoManifest, getSeats } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { seatBoxesOf, seatPathsOf } from "./seat-paths-file";

const SETS: BoundarySet[] = ["2010", "2024"];

describe("seatPathsOf and seatBoxesOf", () => {
  it.each(SETS)("read the %s seat paths once and box every seat inside its viewBox", (set) => {
    expect(seatPathsOf(set)).toBe(seatPathsOf(set));
    const boxes = seatBoxesOf(set);
    expect(boxes.size).toBe(getSeats(set).length);
    const [vx, vy, vw, vh] = getGeoManifest(set).viewBox;
    for (const [minX, minY, maxX, maxY] of boxes.values()) {
      expect(minX).toBeLessThan(maxX);
      expect(minY).toBeLessThan(maxY);
      expect(minX).toBeGreaterThanOrEqual(vx);
      expect(minY).toBeGreaterThanOrEqual(vy);
      expect(maxX).toBeLessThanOrEqual(vx + vw);
      expect(maxY).toBeLessThanOrEqual(vy + vh);
    }
  });
});
