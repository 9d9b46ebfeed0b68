import type { FeatureCollection, Polygon } from "geojson";
import type { Bounds } from "./seats-topology";

/** A HexJSON layout reduced to what we draw: each seat's column and row. */
export interface HexLayout {
  layout: "odd-r" | "even-r";
  hexes: Record<string, [q: number, r: number]>;
}

/** Hex width in degrees: small enough that Web Mercator near the equator keeps the hexes regular. */
const HEX_WIDTH = 0.25;
const ROW_HEIGHT = (HEX_WIDTH * Math.sqrt(3)) / 2;
const CORNER_RADIUS = HEX_WIDTH / Math.sqrt(3);

/** Centre of a pointy-top hex; rows count northwards, and odd (or even) rows are pushed half a hex east. */
export function hexCentre(layout: HexLayout["layout"], q: number, r: number): [x: number, y: number] {
  const shifted = layout === "odd-r" ? Math.abs(r) % 2 === 1 : Math.abs(r) % 2 === 0;
  return [(q + (shifted ? 0.5 : 0)) * HEX_WIDTH, r * ROW_HEIGHT];
}

export function hexRing(centre: [number, number]): [number, number][] {
  const ring: [number, number][] = [];
  for (let corner = 0; corner <= 6; corner += 1) {
    const angle = (Math.PI / 180) * (60 * (corner % 6) - 30);
    ring.push([centre[0] + CORNER_RADIUS * Math.cos(angle), centre[1] + CORNER_RADIUS * Math.sin(angle)]);
  }
  return ring;
}

/** The cartogram as GeoJSON in the same shape as the boundaries: one polygon per seat, keyed by `code`. */
export function hexFeatures(layout: HexLayout): FeatureCollection<Polygon, { code: string }> {
  return {
    type: "FeatureCollection",
    features: Object.entries(layout.hexes).map(([code, [q, r]]) => ({
      type: "Feature",
      properties: { code },
      geometry: { type: "Polygon", coordinates: [hexRing(hexCentre(layout.layout, q, r))] },
    })),
  };
}

export function hexBounds(layout: HexLayout): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const [code, [q, r]] of Object.entries(layout.hexes)) {
    const [x, y] = hexCentre(layout.layout, q, r);
    bounds.set(code, [x - HEX_WIDTH / 2, y - CORNER_RADIUS, x + HEX_WIDTH / 2, y + CORNER_RADIUS]);
  }
  return bounds;
}

/** For the server-rendered SVG: y grows downwards there, so rows are flipped. */
export function hexSvgLayout(layout: HexLayout) {
  const centres = Object.entries(layout.hexes).map(([code, [q, r]]) => {
    const [x, y] = hexCentre(layout.layout, q, r);
    return { code, x, y: -y };
  });
  const xs = centres.map((centre) => centre.x);
  const ys = centres.map((centre) => centre.y);
  const pad = HEX_WIDTH;
  const viewBox: [number, number, number, number] = [
    Math.min(...xs) - pad,
    Math.min(...ys) - pad,
    Math.max(...xs) - Math.min(...xs) + 2 * pad,
    Math.max(...ys) - Math.min(...ys) + 2 * pad,
  ];
  const ring = hexRing([0, 0])
    .slice(0, 6)
    .map(([x, y]) => `${x.toFixed(4)},${(-y).toFixed(4)}`)
    .join(" ");
  return { centres, viewBox, ring };
}
