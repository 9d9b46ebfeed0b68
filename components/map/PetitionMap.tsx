"use client";

import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useAtlas, usePin } from "@/components/atlas/atlas-context";
import { useViewState } from "@/components/atlas/use-view-state";
import { formatCount } from "@/lib/format";
import { FIT_PADDING, SEAT_MAX_ZOOM } from "@/lib/geo/camera";
import { metricValue } from "@/lib/scale/scale";
import { cameraTarget, initialCamera, loadShapes, type Shapes } from "./map-shapes";
import { svgPaintScript } from "./svg-paint";
import { SvgShapesFailed } from "./svg-shapes-status";
import { useSvgFirstPaint } from "./use-svg-first-paint";
import {
  FILL_LAYER,
  fillColour,
  HOVER_LAYER,
  PIN_SOURCE,
  pinData,
  SEATS_SOURCE,
  seatFilter,
  seatsStyle,
  SELECTED_LAYER,
  VALUE_STATE,
} from "./map-style";

type MapState = "loading" | "ready" | "error";
/** Which drawing is on screen: the server-rendered SVG until MapLibre has painted every seat, then WebGL. */
type Renderer = "svg" | "webgl";
interface Hover {
  code: string;
  x: number;
  y: number;
}

/**
 * The one MapLibre map. Until it has painted every seat, the server-rendered SVG (children) is the map, already
 * coloured and clickable; if WebGL is unavailable, that SVG stays and says so. data-state says whether the map on
 * screen shows every seat's value, data-renderer which one it is. Geography and hex cartogram are the same layers
 * over different shapes.
 */
export function PetitionMap({
  label,
  nonce,
  children,
}: {
  label: string;
  /** This response's CSP nonce, for the inline script that reports the SVG's first paint. */
  nonce?: string;
  children: React.ReactNode;
}) {
  const atlas = useAtlas();
  const { pin } = usePin();
  const { view, update } = useViewState();
  const rootRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [shapes, setShapes] = useState<Shapes | null>(null);
  const [webglState, setWebglState] = useState<MapState>("loading");
  const [failure, setFailure] = useState<"webgl" | "shapes" | null>(null);
  const [renderer, setRenderer] = useState<Renderer>("svg");
  const [svgShapesFailed, setSvgShapesFailed] = useState(false);
  const reportSvgShapesFailed = useCallback(() => setSvgShapesFailed(true), []);
  const { painted: svgPainted, settled: svgSettled } = useSvgFirstPaint(rootRef);
  const [hover, setHover] = useState<Hover | null>(null);
  // The map's handlers are bound once; these refs let them see the latest data, view and setter.
  const latest = useRef({ atlas, view, update });
  useEffect(() => {
    latest.current = { atlas, view, update };
  });

  // Boot once per boundary set: MapLibre and the shapes load in parallel, then the seats become one GeoJSON source.
  const { topology, hex } = atlas.geometry;
  useEffect(() => {
    let cancelled = false;
    const container = containerRef.current;
    if (!container) return;
    const initialView = latest.current.view;
    // MapLibre's code (800 KB) is fetched and run only once the SVG is on screen: on two cores, running it while
    // that frame is rastered holds the frame back.
    Promise.all([
      svgSettled.then(() => import("./maplibre")),
      loadShapes(initialView.mapKind, { topology, hex }),
    ])
      .then(([{ maplibregl }, initialShapes]) => {
        if (cancelled) return;
        const map = new maplibregl.Map({
          container,
          style: seatsStyle(
            initialShapes.collection,
            latest.current.atlas.scales[latest.current.view.metric],
          ),
          ...initialCamera(initialView, initialShapes, latest.current.atlas.rows),
          attributionControl: false,
          dragRotate: false,
          pitchWithRotate: false,
          touchPitch: false,
          minZoom: 3,
          maxZoom: 13,
          renderWorldCopies: false,
          fadeDuration: 0,
        });
        map.touchZoomRotate.disableRotation();
        map.keyboard.disableRotation();
        map.getCanvas().setAttribute("aria-label", label);
        mapRef.current = map;
        Object.assign(window, { petitionAtlasMap: map });
        map.on("error", (event) => console.error("Map error", event.error));
        // Colours go into feature state as soon as the style exists, so the first complete frame has them.
        map.once("style.load", () => {
          if (!cancelled) setShapes(initialShapes);
        });
        map.on("click", FILL_LAYER, (event) => {
          const code = event.features?.[0]?.properties?.code;
          if (typeof code === "string") latest.current.update({ area: code, at: null });
        });
        map.on("mousemove", FILL_LAYER, (event: MapMouseEvent & { features?: { properties: unknown }[] }) => {
          const code = (event.features?.[0]?.properties as { code?: string } | undefined)?.code;
          map.getCanvas().style.cursor = code ? "pointer" : "";
          setHover(code ? { code, x: event.point.x, y: event.point.y } : null);
        });
        map.on("mouseleave", FILL_LAYER, () => {
          map.getCanvas().style.cursor = "";
          setHover(null);
        });
        // Panning and zooming by hand replaces the history entry, so Back still steps through selections.
        let moveTimer: ReturnType<typeof setTimeout> | undefined;
        map.on("moveend", (event) => {
          if (!("originalEvent" in event) || !event.originalEvent) return;
          clearTimeout(moveTimer);
          moveTimer = setTimeout(() => {
            const center = map.getCenter();
            latest.current.update(
              { at: { lat: center.lat, lng: center.lng, zoom: map.getZoom() } },
              "replace",
            );
          }, 400);
        });
      })
      .catch((error: unknown) => {
        console.error("Map unavailable", error);
        if (cancelled) return;
        setFailure(error instanceof Error && error.name === "GPUInitializationError" ? "webgl" : "shapes");
        setWebglState("error");
      });
    return () => {
      cancelled = true;
      mapRef.current?.remove();
      mapRef.current = null;
    };
  }, [topology, hex, label, svgSettled]);

  // Map ⇄ hex: swap the shapes under the same layers, then frame the new layout.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !shapes || shapes.kind === view.mapKind) return;
    let cancelled = false;
    setWebglState("loading");
    loadShapes(view.mapKind, { topology, hex })
      .then((next) => {
        if (cancelled) return;
        map.getSource<GeoJSONSource>(SEATS_SOURCE)?.setData(next.collection);
        const target = cameraTarget(latest.current.view, next, latest.current.atlas.rows) ?? next.extent;
        map.fitBounds(target, { padding: FIT_PADDING, maxZoom: SEAT_MAX_ZOOM, duration: 0 });
        setShapes(next);
      })
      .catch(() => {
        if (cancelled) return;
        // The SVG, still drawn underneath, takes over again rather than leaving a blank map.
        setRenderer("svg");
        setFailure("shapes");
        setWebglState("error");
      });
    return () => {
      cancelled = true;
    };
  }, [view.mapKind, shapes, topology, hex]);

  // Colour: the seat's value for the current metric goes into feature state; the style classes it.
  const scale = atlas.scales[view.metric];
  const ready = shapes?.kind === view.mapKind;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    map.setPaintProperty(FILL_LAYER, "fill-color", fillColour(scale));
    for (const row of atlas.rows) {
      map.setFeatureState(
        { source: SEATS_SOURCE, id: row.code },
        { [VALUE_STATE]: metricValue(row, view.metric) },
      );
    }
    const markReady = () => {
      setWebglState("ready");
      setRenderer("webgl");
    };
    map.once("idle", markReady);
    // Source data may still be on its way: make sure the next frame is drawn so "idle" can fire.
    map.triggerRepaint();
    return () => {
      map.off("idle", markReady);
    };
  }, [ready, shapes, scale, atlas.rows, view.metric]);

  // Selection and camera follow the URL (not the camera parameter itself, which the camera writes).
  const { area, region } = view;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !shapes) return;
    map.setFilter(SELECTED_LAYER, seatFilter(area));
    const target = cameraTarget({ area, region }, shapes, latest.current.atlas.rows);
    if (target && !latest.current.view.at) {
      map.fitBounds(target, { padding: FIT_PADDING, maxZoom: SEAT_MAX_ZOOM, duration: 600 });
    }
  }, [shapes, area, region]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && shapes) map.setFilter(HOVER_LAYER, seatFilter(hover?.code ?? null));
  }, [hover, shapes]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && shapes)
      map.getSource<GeoJSONSource>(PIN_SOURCE)?.setData(pinData(view.mapKind === "map" ? pin : null));
  }, [pin, shapes, view.mapKind]);

  // With neither WebGL nor the SVG's seat shapes, no seat will ever be painted.
  const state: MapState =
    renderer === "webgl"
      ? webglState
      : svgPainted
        ? "ready"
        : webglState === "error" && svgShapesFailed
          ? "error"
          : "loading";
  const hoveredRow = hover ? atlas.rows.find((row) => row.code === hover.code) : undefined;
  return (
    <>
      <div
        ref={rootRef}
        data-testid="petition-map"
        data-state={state}
        data-renderer={renderer}
        data-selected={view.area ?? ""}
        data-view={view.mapKind}
        className="relative h-full min-h-[320px] w-full overflow-hidden bg-[#eef2f7]"
        // Before hydration, svgPaintScript may already have marked the server's HTML ready.
        suppressHydrationWarning
      >
        {/* Anti-aliased SVG costs seconds of software raster that MapLibre then waits behind; smooth edges only
            when the SVG is here to stay. */}
        <div
          className={`${renderer === "svg" ? "absolute inset-0" : "hidden"} ${webglState === "error" ? "" : "[shape-rendering:crispEdges]"}`}
          aria-hidden={webglState !== "error"}
        >
          <SvgShapesFailed.Provider value={reportSvgShapesFailed}>{children}</SvgShapesFailed.Provider>
        </div>
        {/* MapLibre draws out of sight until every seat is coloured, then replaces the SVG in one frame. */}
        <div
          className={`absolute inset-0 ${renderer === "svg" ? "invisible" : ""} ${webglState === "error" ? "hidden" : ""}`}
        >
          <div ref={containerRef} className="h-full w-full" />
        </div>
        {renderer === "svg" && webglState === "loading" && (
          <p className="pointer-events-none absolute right-2 bottom-2 rounded bg-white/80 px-2 py-1 text-xs text-slate-600">
            Loading interactive map…
          </p>
        )}
        {webglState === "error" && (
          <p
            role="status"
            className="absolute inset-x-2 top-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {failure === "webgl"
              ? "The interactive map needs WebGL, which this browser cannot provide."
              : "The interactive map could not load its boundaries; reload the page to try again."}{" "}
            {svgShapesFailed
              ? "The static map's shapes could not load either; the table of seats below has every figure."
              : "This static map and the table of seats below still work."}
          </p>
        )}
        {hover && hoveredRow && renderer === "webgl" && webglState === "ready" && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute z-10 rounded bg-slate-900 px-2 py-1 text-xs text-white shadow"
            style={{ left: hover.x + 12, top: hover.y + 12 }}
          >
            <strong>{hoveredRow.name}</strong>: {formatCount(hoveredRow.count)} signatures
          </div>
        )}
      </div>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: svgPaintScript }} suppressHydrationWarning />
    </>
  );
}
