import { z } from "zod";
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
export const MAP_VIEWS = ["map", "hex"] as const satisfies readonly MapView[];

export interface Camera {
  lat: number;
  lng: number;
  zoom: number;
}

export const DEFAULT_VIEW: ViewState = { area: null, metric: "count", view: "map", region: null, at: null };

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

// zod compiles object parsers with `new Function` unless told not to; the page's CSP rightly forbids eval.
z.config({ jitless: true });

const ONS_CODE = /^[ENSW]\d{8}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Each parameter on its own: a bad value becomes its default and never spoils the others. */
const viewSchema = z.object({
  area: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.string().regex(ONS_CODE))
    .nullable()
    .catch(null),
  metric: z.enum(METRICS).catch(DEFAULT_VIEW.metric),
  view: z.enum(MAP_VIEWS).catch(DEFAULT_VIEW.view),
  region: z
    .string()
    .refine((slug) => regionBySlug(slug) !== undefined)
    .nullable()
    .catch(null),
  at: z
    .string()
    .transform((raw) => raw.split(","))
    .pipe(z.tuple([z.string().regex(DECIMAL), z.string().regex(DECIMAL), z.string().regex(DECIMAL)]))
    .transform(([lat, lng, zoom]) => ({ lat: Number(lat), lng: Number(lng), zoom: Number(zoom) }))
    .pipe(
      z.object({
        lat: z.number().min(-85).max(85),
        lng: z.number().min(-180).max(180),
        zoom: z.number().min(0).max(22),
      }),
    )
    .nullable()
    .catch(null),
});

/** One parser for every entry point (server page, client hooks); bad values fall back to defaults. */
export function parseViewState(params: SearchParamsLike): ViewState {
  const get = (key: string) => firstValue(params, key) ?? null;
  return viewSchema.parse({
    area: get("area"),
    metric: get("metric"),
    view: get("view"),
    region: get("region"),
    at: get("at"),
  });
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

/** ~1 m at 5 decimals and 0.01 zoom steps: precise enough to restore a view, short enough to share. */
function formatCamera(camera: Camera): string {
  return [camera.lat.toFixed(5), camera.lng.toFixed(5), camera.zoom.toFixed(2)]
    .map((part) => String(Number(part)))
    .join(",");
}
