import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { hexSvgLayout, type HexLayout } from "@/lib/geo/hex";
import { getGeoManifest } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";

export type HexSvgLayout = ReturnType<typeof hexSvgLayout>;

const cache = new Map<BoundarySet, HexSvgLayout>();

/** The hex cartogram for server-rendered SVG, read once from the same static file the browser fetches. */
export function hexSvgFor(set: BoundarySet): HexSvgLayout {
  let layout = cache.get(set);
  if (!layout) {
    const file = path.basename(getGeoManifest(set).hex);
    const hexes = JSON.parse(
      readFileSync(path.join(process.cwd(), "public", "geo", file), "utf8"),
    ) as HexLayout;
    layout = hexSvgLayout(hexes);
    cache.set(set, layout);
  }
  return layout;
}
