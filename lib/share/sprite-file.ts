import "server-only";
import { getGeoManifest } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { pathBounds, type Box } from "./sprite";
import { readSpritePaths } from "./sprite-paths";

const boxes = new Map<BoundarySet, Map<string, Box>>();

/** A boundary set's seat paths, read once from the same sprite file the browser gets. */
export function spritePaths(set: BoundarySet): Map<string, string> {
  return readSpritePaths(getGeoManifest(set).sprite);
}

/** Each seat's box in sprite units, worked out once per boundary set. */
export function spriteBoxes(set: BoundarySet): Map<string, Box> {
  let seatBoxes = boxes.get(set);
  if (!seatBoxes) {
    seatBoxes = new Map([...spritePaths(set)].map(([code, d]) => [code, pathBounds(d)] as const));
    boxes.set(set, seatBoxes);
  }
  return seatBoxes;
}
