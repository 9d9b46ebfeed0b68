import { METRICS, type Metric } from "@/lib/scale/scale";
import { regionBySlug } from "@/lib/regions";

/** Everything a shared link restores. The URL is the only place it lives. */
export interface ViewState {
  area: string | null;
  metric: Metric;
  view: MapView;
  region: string | null;
  at: Camera | null;
}

export type MapView = "map" | "hex";
export const MAP_VIEWS: readonly MapView[] = ["map", "hex"];

export interface Camera {
  lat: number;
  lng: number;
  zoom: number;
}

export const DEFAULT_VIEW: ViewState = { area: null, metric: "count", view: "map", region: null, at: null };

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

const ONS_CODE = /^[ENSW]\d{8}$/;

/** One parser for every entry point (server page, client hooks); bad values fall back to defaults. */
export function parseViewState(params: SearchParamsLike): ViewState {
  const get = (key: string) => firstValue(params, key);
  const area = get("area")?.trim().toUpperCase();
  const metric = get("metric");
  const view = get("view");
  const region = get("region");
  return {
    area: area && ONS_CODE.test(area) ? area : null,
    metric: METRICS.find((candidate) => candidate === metric) ?? DEFAULT_VIEW.metric,
    view: MAP_VIEWS.find((candidate) => candidate === view) ?? DEFAULT_VIEW.view,
    region: region && regionBySlug(region) ? region : null,
    at: parseCamera(get("at")),
  };
}

/** One builder: a stable, minimal query string (defaults omitted), "" when everything is default. */
export function buildViewQuery(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.area) params.set("area", state.area);
  if (state.metric !== DEFAULT_VIEW.metric) params.set("metric", state.metric);
  if (state.view !== DEFAULT_VIEW.view) params.set("view", state.view);
  if (state.region) params.set("region", state.region);
  if (state.at) params.set("at", formatCamera(state.at));
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `?${query}` : "";
}

export function buildViewHref(pathname: string, state: ViewState): string {
  return `${pathname}${buildViewQuery(state)}`;
}

function firstValue(params: SearchParamsLike, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

function parseCamera(raw: string | undefined): Camera | null {
  const parts = raw?.split(",");
  if (!parts || parts.length !== 3) return null;
  const [lat, lng, zoom] = parts.map((part) => (/^-?\d+(\.\d+)?$/.test(part) ? Number(part) : Number.NaN));
  if (lat === undefined || lng === undefined || zoom === undefined) return null;
  if (!(Math.abs(lat) <= 85 && Math.abs(lng) <= 180 && zoom >= 0 && zoom <= 22)) return null;
  return { lat, lng, zoom };
}

/** ~1 m at 5 decimals and 0.01 zoom steps: precise enough to restore a view, short enough to share. */
function formatCamera(camera: Camera): string {
  return [camera.lat.toFixed(5), camera.lng.toFixed(5), camera.zoom.toFixed(2)]
    .map((part) => String(Number(part)))
    .join(",");
}
