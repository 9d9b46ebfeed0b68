import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { hexSvgBoxes, hexSvgLayout, type HexLayout } from "@/lib/geo/hex";
import { getGeoManifest } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import type { Box } from "./seat-paths";

export type HexSvgLayout = ReturnType<typeof hexSvgLayout>;

const cache = new Map<BoundarySet, { svg: HexSvgLayout; boxes: Map<string, Box> }>();

/** The hex cartogram, read once from the same static file the browser fetches: its SVG and each hex's box. */
function hexFileOf(set: BoundarySet) {
  let hexFile = cache.get(set);
  if (!hexFile) {
    const file = path.basename(getGeoManifest(set).hex);
    const hexes = JSON.parse(
      readFileSync(path.join(process.cwd(), "public", "geo", file), "utf8"),
    ) as HexLayout;
    hexFile = { svg: hexSvgLayout(hexes), boxes: hexSvgBoxes(hexes) };
    cache.set(set, hexFile);
  }
  return hexFile;
}

/** The hex cartogram for server-rendered SVG. */
export function hexSvgFor(set: BoundarySet): HexSvgLayout {
  return hexFileOf(set).svg;
}

/** Each hex's box in Mercator units, as the SVG draws it. */
export function hexBoxesOf(set: BoundarySet): Map<string, Box> {
  return hexFileOf(set).boxes;
}
