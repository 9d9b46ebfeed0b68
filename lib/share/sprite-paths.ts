import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSprite } from "./sprite";

const byFile = new Map<string, Map<string, string>>();

/**
 * Seat code → path data from a sprite file in public/ (a path from the geo manifest), read once per process; a
 * failed read is tried again next time. Node only, and synchronous so that the SVG map's server render can write
 * the seats into the HTML as it renders (not "server-only": that render is a client component's).
 */
export function readSpritePaths(spritePath: string): Map<string, string> {
  let paths = byFile.get(spritePath);
  if (!paths) {
    // Scoped to public/geo so the build traces that folder only, not the whole project.
    const file = path.join(process.cwd(), "public", "geo", path.basename(spritePath));
    paths = parseSprite(readFileSync(file, "utf8"));
    byFile.set(spritePath, paths);
  }
  return paths;
}
