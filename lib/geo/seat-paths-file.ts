import "server-only";
import { getGeoManifest } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { pathBounds, type Box } from "./seat-paths";
import { readSeatPathsFile } from "./seat-paths-read";

const boxes = new Map<BoundarySet, Map<string, Box>>();

/** A boundary set's seat paths, read once from the same seat paths file the browser gets. */
export function seatPathsOf(set: BoundarySet): Map<string, string> {
  return readSeatPathsFile(getGeoManifest(set).seatPaths);
}

/** Each seat's box in Mercator units, worked out once per boundary set. */
export function seatBoxesOf(set: BoundarySet): Map<string, Box> {
  let seatBoxes = boxes.get(set);
  if (!seatBoxes) {
    seatBoxes = new Map([...seatPathsOf(set)].map(([code, d]) => [code, pathBounds(d)] as const));
    boxes.set(set, seatBoxes);
  }
  return seatBoxes;
}
