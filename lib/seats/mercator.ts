/**
 * Web Mercator in the units of the SVG seat paths files: the world is `scale` units wide, x grows east, y grows south.
 * 2^15 makes the UK about 1,600 units tall (one unit ≈ one pixel at web-map zoom 7).
 */
export const MERCATOR_SCALE = 32768;

export function projectMercator(lng: number, lat: number, scale: number = MERCATOR_SCALE): [number, number] {
  const phi = (lat * Math.PI) / 180;
  const x = ((lng + 180) / 360) * scale;
  const y = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * scale;
  return [x, y];
}

/** Inverse of projectMercator: Mercator units back to [lng, lat]. */
export function unprojectMercator(x: number, y: number, scale: number = MERCATOR_SCALE): [number, number] {
  const lng = (x / scale) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / scale))) * 180) / Math.PI;
  return [lng, lat];
}
