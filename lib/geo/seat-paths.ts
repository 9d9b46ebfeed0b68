/** Seat outlines from an SVG of seat paths (`<path id="CODE" d="…"/>` in Web Mercator units), for drawing on the server. */

export type Box = [minX: number, minY: number, maxX: number, maxY: number];

const PATH_ELEMENT = /<path\b[^>]*?\bid="([^"]+)"[^>]*?\bd="([^"]+)"/g;

/** Seat code → path data, in the seat paths file's order. */
export function parseSeatPaths(svg: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const [, code, d] of svg.matchAll(PATH_ELEMENT)) if (code && d) paths.set(code, d);
  return paths;
}

const PATH_TOKEN = /[MmLlHhVvZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g;

/**
 * The bounding box of a path made of straight lines (M, L, H, V, Z in either case: all a simplified boundary
 * uses), so a selected seat can be marked even when it is a few pixels wide.
 */
export function pathBounds(d: string): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  let command = "M";
  const numbers: number[] = [];
  const visit = () => {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  };
  const flush = () => {
    const relative = command === command.toLowerCase();
    const upper = command.toUpperCase();
    const step = upper === "H" || upper === "V" ? 1 : 2;
    for (let index = 0; index + step <= numbers.length; index += step) {
      const a = numbers[index]!;
      const b = numbers[index + 1] ?? 0;
      if (upper === "H") x = relative ? x + a : a;
      else if (upper === "V") y = relative ? y + a : a;
      else {
        x = relative ? x + a : a;
        y = relative ? y + b : b;
      }
      // Pairs after a moveto are implicit linetos; a new subpath starts only at the first pair.
      if (upper === "M" && index === 0) start = [x, y];
      visit();
    }
    numbers.length = 0;
  };
  for (const [token] of d.matchAll(PATH_TOKEN)) {
    if (/^[A-Za-z]$/.test(token)) {
      flush();
      command = token;
      if (token === "Z" || token === "z") [x, y] = start;
    } else numbers.push(Number(token));
  }
  flush();
  return box;
}
