import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getGeoManifest, getSeats } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { parseSeatPaths, pathBounds, type Box } from "./seat-paths";

const SETS: BoundarySet[] = ["2010", "2024"];

function seatPathsSvg(set: BoundarySet): string {
  return readFileSync(path.join(process.cwd(), "public", getGeoManifest(set).seatPaths), "utf8");
}

describe("parseSeatPaths", () => {
  it.each(SETS)("finds a path for every %s seat and nothing else", (set) => {
    const paths = parseSeatPaths(seatPathsSvg(set));
    expect([...paths.keys()].sort()).toEqual(
      getSeats(set)
        .map((seat) => seat.code)
        .sort(),
    );
  });
});

describe("pathBounds", () => {
  it.each<[string, string, Box]>([
    ["absolute moveto, relative lines", "M10 20l5 0 0 5-10 2z", [5, 20, 15, 27]],
    ["implicit linetos after a moveto", "M0 0 4 0 4 3z", [0, 0, 4, 3]],
    ["a second subpath after z", "M0 0l1 1zm10 10l1 1z", [0, 0, 11, 11]],
    ["horizontal and vertical lines", "M1 1H9V-3h-2v1z", [1, -3, 9, 1]],
    ["numbers run together", "M.5-.5l.5.5-1.5 0z", [-0.5, -0.5, 1, 0]],
  ])("%s", (_, d, expected) => {
    expect(pathBounds(d)).toEqual(expected);
  });

  it.each(SETS)("puts every %s seat inside the seat paths file's viewBox", (set) => {
    const [x, y, width, height] = getGeoManifest(set).viewBox;
    for (const [code, d] of parseSeatPaths(seatPathsSvg(set))) {
      const [minX, minY, maxX, maxY] = pathBounds(d);
      expect(minX < maxX && minY < maxY, code).toBe(true);
      expect(minX >= x - 1 && minY >= y - 1 && maxX <= x + width + 1 && maxY <= y + height + 1, code).toBe(
        true,
      );
    }
  });
});
