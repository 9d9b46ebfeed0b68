import { describe, expect, it } from "vitest";
import { getGeoManifest, getSeats } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { spriteBoxes, spritePaths } from "./sprite-file";

const SETS: BoundarySet[] = ["2010", "2024"];

describe("spritePaths and spriteBoxes", () => {
  it.each(SETS)("read the %s sprite once and box every seat inside its viewBox", (set) => {
    expect(spritePaths(set)).toBe(spritePaths(set));
    const boxes = spriteBoxes(set);
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
