import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  Map as MapLibreMap,
  StyleSpecification,
} from "maplibre-gl";
import type { Pin } from "@/lib/map/types";
import type { ColourScale } from "@/lib/scale/scale";

export const SEATS_SOURCE = "seats";
export const FILL_LAYER = "seats-fill";
const OUTLINE_LAYER = "seats-outline";
const EMPHASIS_LAYER = "seats-emphasis";
/** Feature-state key holding the seat's value for the current metric. */
export const VALUE_STATE = "value";
/** Feature-state flags outlining the selected seat and the seat under the pointer. */
export const SELECTED_STATE = "selected";
export const HOVER_STATE = "hover";

/**
 * The whole style, seats included, so MapLibre's worker starts on the seats while the style loads. No tiles, glyphs
 * or sprites: nothing outside our own origin is ever requested.
 */
export function seatsStyle(seats: GeoJSON.FeatureCollection, scale: ColourScale): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SEATS_SOURCE]: { type: "geojson", data: seats, promoteId: "code" },
      [PIN_SOURCE]: { type: "geojson", data: pinData(null) },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#eef2f7" } },
      fillLayer(scale),
      ...outlineLayers(),
      pinLayer(),
    ],
  };
}

/** Fill colour from the seat's value: grey until its value arrives, the zero colour at 0, else its class. */
export function fillColour(scale: ColourScale): ExpressionSpecification {
  const value: ExpressionSpecification = ["to-number", ["feature-state", VALUE_STATE], -1];
  const [first = scale.zeroColour, ...rest] = scale.colours;
  const steps = scale.thresholds.flatMap((threshold, index) => [threshold, rest[index] ?? first]);
  return [
    "case",
    ["<", value, 0],
    "#f1f5f9",
    ["<=", value, 0],
    scale.zeroColour,
    // A step needs at least one stop; a map with a single class (or none) is one colour.
    steps.length > 0 ? (["step", value, first, ...steps] as ExpressionSpecification) : first,
  ];
}

export function fillLayer(scale: ColourScale): FillLayerSpecification {
  return {
    id: FILL_LAYER,
    type: "fill",
    source: SEATS_SOURCE,
    paint: { "fill-color": fillColour(scale), "fill-antialias": true },
  };
}

/** Seat outline width in pixels by zoom, [zoom, width] pairs: hairlines for the whole UK, clearer close up. */
export const OUTLINE_WIDTHS: readonly (readonly [number, number])[] = [
  [4, 0.3],
  [8, 1],
  [11, 1.5],
];
export const SELECTED_WIDTH = 3;

/** OUTLINE_WIDTHS at a zoom, interpolated as MapLibre does, for the SVG map. */
export function outlineWidthAt(zoom: number): number {
  const [first, ...rest] = OUTLINE_WIDTHS;
  if (!first || zoom <= first[0]) return first?.[1] ?? 1;
  let previous = first;
  for (const stop of rest) {
    if (zoom <= stop[0]) {
      return previous[1] + ((zoom - previous[0]) / (stop[0] - previous[0])) * (stop[1] - previous[1]);
    }
    previous = stop;
  }
  return previous[1];
}

export function outlineLayers(): LineLayerSpecification[] {
  return [
    {
      id: OUTLINE_LAYER,
      type: "line",
      source: SEATS_SOURCE,
      paint: {
        "line-color": "#ffffff",
        "line-width": ["interpolate", ["linear"], ["zoom"], ...OUTLINE_WIDTHS.flat()],
        "line-opacity": 0.8,
      },
    },
    // Selection and hover are feature state, not filters: a filter change makes MapLibre's worker lay out every
    // tile again (a few hundred ms in software GL), feature state repaints only the seats whose state changed.
    // Seats without either flag draw at width 0, which MapLibre rasterises as nothing.
    {
      id: EMPHASIS_LAYER,
      type: "line",
      source: SEATS_SOURCE,
      paint: {
        "line-color": ["case", flagged(SELECTED_STATE), "#0f172a", "#334155"],
        "line-width": ["case", flagged(SELECTED_STATE), SELECTED_WIDTH, flagged(HOVER_STATE), 1.5, 0],
      },
    },
  ];
}

function flagged(key: string): ExpressionSpecification {
  return ["boolean", ["feature-state", key], false];
}

/**
 * Sets a feature-state flag on one seat of a running map; returns what clears it again. Nothing happens for no seat.
 */
export function flagSeat(map: MapLibreMap, key: string, code: string | null): () => void {
  if (!code) return () => undefined;
  const seat = { source: SEATS_SOURCE, id: code };
  map.setFeatureState(seat, { [key]: true });
  return () => map.setFeatureState(seat, { [key]: false });
}

export const PIN_SOURCE = "postcode-pin";

/** The searched postcode: a dark dot with a white ring, above the seat outlines. */
export function pinLayer(): CircleLayerSpecification {
  return {
    id: "postcode-pin",
    type: "circle",
    source: PIN_SOURCE,
    paint: {
      "circle-radius": 6,
      "circle-color": "#dc2626",
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 2,
    },
  };
}

/** The searched postcode as the pin source's data; none is an empty collection. */
export function pinData(pin: Pin | null): GeoJSON.FeatureCollection {
  return {
    type: "FeatureCollection",
    features: pin
      ? [
          {
            type: "Feature",
            properties: { label: pin.label },
            geometry: { type: "Point", coordinates: [pin.lng, pin.lat] },
          },
        ]
      : [],
  };
}
