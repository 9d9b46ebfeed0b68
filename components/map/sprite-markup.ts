import { readFileSync } from "node:fs";
import path from "node:path";

const markups = new Map<string, string>();

/**
 * The `<path>` elements of a sprite file in public/ (a path from the geo manifest), read once per process. Server
 * only: SvgChoropleth inlines them into the HTML so the first paint needs no second request.
 */
export function spriteMarkup(spritePath: string): string {
  let markup = markups.get(spritePath);
  if (markup === undefined) {
    // Scoped to public/geo (as lib/share/sprite-file.ts is) so the build traces that folder only.
    const svg = readFileSync(path.join(process.cwd(), "public", "geo", path.basename(spritePath)), "utf8");
    const start = svg.indexOf("<defs>");
    const end = svg.lastIndexOf("</defs>");
    if (start < 0 || end < start) throw new Error(`${spritePath} has no <defs>`);
    markup = svg.slice(start + "<defs>".length, end);
    markups.set(spritePath, markup);
  }
  return markup;
}
