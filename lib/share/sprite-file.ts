import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getGeoManifest } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { parseSprite, pathBounds, type Box } from "./sprite";

const sprites = new Map<BoundarySet, Promise<Map<string, string>>>();
const boxes = new Map<BoundarySet, Promise<Map<string, Box>>>();

/** A boundary set's seat paths, read once from the same sprite file the browser gets. */
export function spritePaths(set: BoundarySet): Promise<Map<string, string>> {
  let paths = sprites.get(set);
  if (!paths) {
    // Scoped to public/geo so the build traces that folder only, not the whole project.
    const file = path.join(process.cwd(), "public", "geo", path.basename(getGeoManifest(set).sprite));
    paths = readFile(file, "utf8").then(parseSprite);
    // A failed read is retried on the next request rather than remembered.
    paths.catch(() => sprites.delete(set));
    sprites.set(set, paths);
  }
  return paths;
}

/** Each seat's box in sprite units, worked out once per boundary set. */
export function spriteBoxes(set: BoundarySet): Promise<Map<string, Box>> {
  let seatBoxes = boxes.get(set);
  if (!seatBoxes) {
    seatBoxes = spritePaths(set).then(
      (paths) => new Map([...paths].map(([code, d]) => [code, pathBounds(d)] as const)),
    );
    seatBoxes.catch(() => boxes.delete(set));
    boxes.set(set, seatBoxes);
  }
  return seatBoxes;
}
