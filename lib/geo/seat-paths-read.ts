import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSeatPaths } from "./seat-paths";

const byFile = new Map<string, Map<string, string>>();

/**
 * Seat code → path data from a seat paths file in public/ (a path from the geo manifest), read once per process; a
 * failed read is tried again next time. Node only, and synchronous so that the SVG map's server render can write
 * the seats into the HTML as it renders (not "server-only": that render is a client component's).
 */
export function readSeatPathsFile(url: string): Map<string, string> {
  let paths = byFile.get(url);
  if (!paths) {
    // Scoped to public/geo so the build traces that folder only, not the whole project.
    const file = path.join(process.cwd(), "public", "geo", path.basename(url));
    paths = parseSeatPaths(readFileSync(file, "utf8"));
    byFile.set(url, paths);
  }
  return paths;
}
