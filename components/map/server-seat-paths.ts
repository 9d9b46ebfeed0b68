import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSprite } from "@/lib/share/sprite";

const byFile = new Map<string, Map<string, string>>();

/**
 * Seat code → path data from a sprite file in public/ (a path from the geo manifest), read once per process. Server
 * only, and synchronous so the SVG map can put the seats into its server-rendered HTML as it renders.
 */
export function serverSeatPaths(spritePath: string): Map<string, string> {
  let paths = byFile.get(spritePath);
  if (!paths) {
    // Scoped to public/geo (as lib/share/sprite-file.ts is) so the build traces that folder only.
    paths = parseSprite(
      readFileSync(path.join(process.cwd(), "public", "geo", path.basename(spritePath)), "utf8"),
    );
    byFile.set(spritePath, paths);
  }
  return paths;
}
