import { METRICS, type Metric } from "@/lib/scale/scale";
import { regionBySlug } from "@/lib/regions";
import { firstParam, type SearchParamsLike } from "@/lib/search-params";

/** Everything a shared link restores. The URL is the only place it lives. */
export interface ViewState {
  area: string | null;
  metric: Metric;
  mapKind: MapKind;
  region: string | null;
  at: Camera | null;
  /** The comparison page's difference map: the plain ratio of the two rates, or each relative to its UK rate. */
  difference: DifferenceMeasure;
}

export type DifferenceMeasure = "ratio" | "relative";
export const DIFFERENCE_MEASURES = ["ratio", "relative"] as const satisfies readonly DifferenceMeasure[];

export type MapKind = "map" | "hex";
export const MAP_KINDS = ["map", "hex"] as const satisfies readonly MapKind[];

export interface Camera {
  lat: number;
  lng: number;
  zoom: number;
}

export const DEFAULT_VIEW: ViewState = {
  area: null,
  metric: "count",
  mapKind: "map",
  region: null,
  at: null,
  difference: "ratio",
};

const ONS_CODE = /^[ENSW]\d{8}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * One parser for every entry point (server page, client hooks). Each parameter stands alone: a bad value becomes
 * its default and never spoils the others. Plain checks rather than a schema library keep the browser's bundle small.
 */
export function parseViewState(params: SearchParamsLike): ViewState {
  const get = (key: string) => firstParam(params, key);
  return {
    area: parseArea(get("area")),
    metric: oneOf(METRICS, get("metric")) ?? DEFAULT_VIEW.metric,
    mapKind: oneOf(MAP_KINDS, get("view")) ?? DEFAULT_VIEW.mapKind,
    region: parseRegion(get("region")),
    at: parseCamera(get("at")),
    difference: oneOf(DIFFERENCE_MEASURES, get("diff")) ?? DEFAULT_VIEW.difference,
  };
}

function oneOf<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return allowed.find((option) => option === value);
}

function parseArea(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return ONS_CODE.test(code) ? code : null;
}

function parseRegion(raw: string): string | null {
  return regionBySlug(raw) !== undefined ? raw : null;
}

/** `lat,lng,zoom` as plain decimals within the map's limits. */
function parseCamera(raw: string): Camera | null {
  const parts = raw.split(",");
  if (parts.length !== 3 || !parts.every((part) => DECIMAL.test(part))) return null;
  const [lat, lng, zoom] = parts.map(Number) as [number, number, number];
  const within = (value: number, min: number, max: number) => value >= min && value <= max;
  return within(lat, -85, 85) && within(lng, -180, 180) && within(zoom, 0, 22) ? { lat, lng, zoom } : null;
}

/** One builder: a stable, minimal query string (defaults omitted), "" when everything is default. */
export function buildViewQuery(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.area) params.set("area", state.area);
  if (state.metric !== DEFAULT_VIEW.metric) params.set("metric", state.metric);
  if (state.mapKind !== DEFAULT_VIEW.mapKind) params.set("view", state.mapKind);
  if (state.region) params.set("region", state.region);
  if (state.at) params.set("at", formatCamera(state.at));
  if (state.difference !== DEFAULT_VIEW.difference) params.set("diff", state.difference);
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `?${query}` : "";
}

export function buildViewHref(pathname: string, state: ViewState): string {
  return `${pathname}${buildViewQuery(state)}`;
}

/** ~1 m at 5 decimals and 0.01 zoom steps: precise enough to restore a view, short enough to share. */
function formatCamera(camera: Camera): string {
  return [camera.lat.toFixed(5), camera.lng.toFixed(5), camera.zoom.toFixed(2)]
    .map((part) => String(Number(part)))
    .join(",");
}

/**
 * The view a page renders on the server: the request's, less the shared camera (`at`). The render cache keeps one
 * answer for every camera (lib/render-cache/key.ts), so the browser applies it.
 */
export function serverViewState(params: SearchParamsLike): ViewState {
  return { ...parseViewState(params), at: null };
}
