import type { MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { projectMercator } from "@/lib/seats/mercator";

/**
 * Seat path coordinates are kept to half a unit (docs/decisions/0021-seat-path-half-units.md): at the SVG's closest
 * seat framing (zoom 8.5) a unit is 5.7 CSS pixels, so a vertex moves at most 1.4 pixels; tenths sent a third more
 * bytes for detail the 400 m simplification does not hold.
 */
export const STEPS_PER_UNIT = 2;

export interface SeatPathsSvg {
  svg: string;
  /** Projected bounds of every seat, rounded outwards to whole units: [x, y, width, height]. */
  viewBox: [number, number, number, number];
}

/** A whole number of steps as the shortest SVG decimal (steps of half a unit: 2469 → "1234.5", -1 → "-.5", 4 → "2"). */
export function formatSteps(steps: number, stepsPerUnit = STEPS_PER_UNIT): string {
  const sign = steps < 0 ? "-" : "";
  const magnitude = Math.abs(steps);
  const whole = Math.floor(magnitude / stepsPerUnit);
  const fraction = magnitude % stepsPerUnit;
  if (fraction === 0) return `${sign}${whole}`;
  // "0.5" → ".5"
  return `${sign}${whole === 0 ? "" : whole}${String(fraction / stepsPerUnit).slice(1)}`;
}

/**
 * Joins SVG numbers with as few separators as the path grammar needs: a minus sign starts a new number, and so does
 * a second decimal point (`1.5.5` is 1.5 then .5).
 */
function joinNumbers(numbers: number[], stepsPerUnit: number): string {
  let out = "";
  let lastHasPoint = false;
  for (const n of numbers) {
    const text = formatSteps(n, stepsPerUnit);
    const separate = out !== "" && !text.startsWith("-") && !(text.startsWith(".") && lastHasPoint);
    out += separate ? ` ${text}` : text;
    lastHasPoint = text.includes(".");
  }
  return out;
}

/** One closed ring as `M x y l dx dy … z`, in steps; null when rounding leaves fewer than 3 distinct points. */
export function ringToPath(
  ring: Position[],
  project: (p: Position) => [number, number],
  stepsPerUnit = STEPS_PER_UNIT,
): string | null {
  const points: [number, number][] = [];
  for (const position of ring) {
    const [x, y] = project(position);
    const point: [number, number] = [Math.round(x * stepsPerUnit), Math.round(y * stepsPerUnit)];
    const last = points[points.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
  if (!first || points.length < 3) return null;
  const deltas: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const [x, y] = points[i]!;
    const [px, py] = points[i - 1]!;
    deltas.push(x - px, y - py);
  }
  return `M${joinNumbers(first, stepsPerUnit)}l${joinNumbers(deltas, stepsPerUnit)}z`;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * The seats of a topology as an SVG of seat paths, `<path id="CODE">` in Web Mercator units (no fill or stroke:
 * the page styles each `<use>`). Holes keep the opposite winding of their outer ring, so nonzero fill cuts them.
 */
export function topologyToSeatPaths(
  topology: Topology,
  objectName: string,
  scale: number,
  stepsPerUnit = STEPS_PER_UNIT,
): SeatPathsSvg {
  const object = topology.objects[objectName] as GeometryCollection | undefined;
  if (!object) throw new Error(`Topology has no object "${objectName}"`);
  const project = ([lng, lat]: Position): [number, number] => projectMercator(lng!, lat!, scale);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const paths: string[] = [];
  for (const seat of feature(topology, object).features) {
    const geometry = seat.geometry;
    if (geometry?.type !== "Polygon" && geometry?.type !== "MultiPolygon") {
      throw new Error(`Seat ${String(seat.id)} has no polygon`);
    }
    const rings = polygonsOf(geometry).flat();
    for (const [x, y] of rings.flat().map(project)) {
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    }
    const d = rings.map((ring) => ringToPath(ring, project, stepsPerUnit)).filter((path) => path !== null);
    if (d.length === 0) throw new Error(`Seat ${String(seat.id)} vanished from the seat paths`);
    paths.push(`<path id="${String(seat.id)}" d="${d.join("")}"/>`);
  }
  const viewBox: SeatPathsSvg["viewBox"] = [
    Math.floor(minX),
    Math.floor(minY),
    Math.ceil(maxX) - Math.floor(minX),
    Math.ceil(maxY) - Math.floor(minY),
  ];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox.join(" ")}"><defs>\n` +
    `${paths.join("\n")}\n</defs></svg>\n`;
  return { svg, viewBox };
}
