"use client";

import type { GeoJSONSource, Map as MapLibreMap, MapEventType, MapMouseEvent } from "maplibre-gl";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { formatCount } from "@/lib/format";
import { cameraOfSvg, FIT_PADDING, SEAT_MAX_ZOOM, type SvgFrame, type ViewBox } from "@/lib/geo/camera";
import type { HexSvgLayout } from "@/lib/geo/hex-file";
import type { SeatRow } from "@/lib/join/types";
import type { MapCamera, Pin } from "@/lib/map/types";
import { metricValue, type ColourScale } from "@/lib/scale/scale";
import type { Camera, MapKind } from "@/lib/view-state";
import { INITIAL_MAP_MACHINE, mapReducer, published } from "./map-machine";
import { boundsOf, firstTopology, initialCamera, loadShapes, type Shapes } from "./map-shapes";
import {
  FILL_LAYER,
  fillColour,
  flagSeat,
  HOVER_STATE,
  PIN_SOURCE,
  pinData,
  SEATS_SOURCE,
  seatsStyle,
  SELECTED_STATE,
  VALUE_STATE,
} from "./map-style";
import { afterNextPaint, SVG_PAINT_SCRIPT } from "./svg-paint";
import { SvgChoropleth } from "./SvgChoropleth";
import { useMapLibreBoot } from "./use-maplibre-boot";

const EDGES = { top: FIT_PADDING, right: FIT_PADDING, bottom: FIT_PADDING, left: FIT_PADDING };
/** MapLibre events that say the reader may soon look closer than the whole-UK overview draws. */
const FULL_DETAIL_CUES: readonly (keyof MapEventType)[] = ["movestart", "mousedown", "touchstart", "wheel"];

/** A task of its own for what follows, so that the browser may render and answer input in between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `then` once, at the first of these map events. */
function onFirst(map: MapLibreMap, events: readonly (keyof MapEventType)[], then: () => void) {
  const fire = () => {
    for (const event of events) map.off(event, fire);
    then();
  };
  for (const event of events) map.on(event, fire);
}

interface Hover {
  code: string;
  x: number;
  y: number;
}

export interface PetitionMapProps {
  /** The interactive map's accessible name. */
  label: string;
  kind: MapKind;
  rows: readonly SeatRow[];
  /** The colour scale of the metric on show (its metric picks each seat's value). */
  scale: ColourScale;
  /** The selected seat's code. */
  selection: string | null;
  onSelect: (code: string) => void;
  camera: MapCamera;
  /** The reader moved the camera by hand. */
  onCameraMove: (at: Camera) => void;
  pin: Pin | null;
  /** Each SVG seat's link: the view selecting it, which works without JavaScript. */
  seatHref: (code: string) => string;
  /** The hashed, immutable shape files and the SVG's layouts. */
  geometry: { topology: string; overview: string; seatPaths: string; hex: string };
  wholeMap: ViewBox;
  hexSvg: HexSvgLayout | null;
  /** The server's framing of the first camera, for the SVG; null shows every seat. */
  initialFrame: SvgFrame | null;
  /** Holds the running MapLibre map for whoever renders this (the map image download). */
  handle?: { current: MapLibreMap | null };
  /**
   * How much of the map's bottom edge something laid over it covers (a CSS length, e.g. a bottom sheet's): the SVG
   * draws above it and MapLibre frames seats clear of it.
   */
  coverBottom?: string;
  /** Why the colours are not there yet, or not at all (momentum still loading, say), said over the map. */
  notice?: string | null;
}

/**
 * The petition map: the server-rendered SVG first (coloured and clickable from the first paint), then MapLibre,
 * which draws out of sight and replaces it in one frame once it has painted every seat. The handover is the state
 * machine in map-machine.ts; data-renderer and data-state publish its phase. Geography and the hex cartogram are
 * the same layers over different shapes. It reads no app context: everything comes in as props.
 */
export function PetitionMap(props: PetitionMapProps) {
  const { label, kind, rows, scale, selection, camera, pin, geometry, handle, coverBottom, notice } = props;
  const [machine, dispatch] = useReducer(mapReducer, INITIAL_MAP_MACHINE);
  const { renderer, state } = published(machine.phase);
  const rootRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const coverRef = useRef<HTMLDivElement>(null);
  // Seats are framed clear of whatever covers the map's bottom edge now.
  const fitPadding = useCallback(
    () => ({ ...EDGES, bottom: FIT_PADDING + (coverRef.current?.offsetHeight ?? 0) }),
    [],
  );
  const mapRef = useRef<MapLibreMap | null>(null);
  // The seats MapLibre's camera frames (joined), so a camera it already opened on is not framed again.
  const framedSeats = useRef<string | null>(null);
  // The camera the SVG's seats are framed for (JSON), which MapLibre may open on as the SVG shows it.
  const svgFramed = useRef<string | null>(null);
  // MapLibre has jumped to where the reader's pan or pinch left the SVG; the SVG's camera is not read again.
  const gestureAdopted = useRef(false);
  const [shapes, setShapes] = useState<Shapes | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  // MapLibre's handlers are bound once; this lets them see the latest props.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const select = useCallback((code: string) => latest.current.onSelect(code), []);
  const svgPainted = useCallback(() => dispatch({ type: "svg-painted" }), []);
  const svgFailed = useCallback(() => dispatch({ type: "svg-failed" }), []);

  // The server's inline script may have seen the SVG painted before React hydrated.
  useEffect(() => {
    if (rootRef.current?.getAttribute("data-state") === "ready") dispatch({ type: "svg-painted" });
  }, []);

  // On a touch screen the SVG follows the pan or pinch that boots MapLibre (the geographic map: MapLibre's hex
  // camera is framed from its own layout, not from the SVG's).
  const svgLayerRef = useRef<HTMLDivElement>(null);
  const { booting: boot, svgGesture } = useMapLibreBoot(
    machine,
    dispatch,
    rootRef,
    kind === "map" ? svgLayerRef : null,
  );
  const { topology, overview, hex } = geometry;
  useEffect(() => {
    const container = containerRef.current;
    if (!boot || !container) return;
    let cancelled = false;
    const first = latest.current;
    const startTopology = firstTopology(first.camera, { topology, overview });
    // MapLibre boots in separate tasks, so that none holds the main thread long: its module is evaluated, its
    // worker started, then its WebGL context made and its style set.
    const loaded = async () => {
      const [{ maplibregl }, initialShapes] = await Promise.all([
        import("./maplibre"),
        loadShapes(first.kind, { topology: startTopology, hex }),
      ]);
      await nextTask();
      if (!cancelled) maplibregl.prewarm();
      await nextTask();
      return { maplibregl, initialShapes };
    };
    loaded()
      .then(({ maplibregl, initialShapes }) => {
        if (cancelled) return;
        // MapLibre opens on exactly what the SVG it replaces shows, geography or hexes alike (both drawn in Mercator
        // units), so the handover does not move the map (or, if the SVG has yet to frame the latest camera, on
        // that camera as the SVG will frame it).
        framedSeats.current = latest.current.camera.seats?.join(",") ?? null;
        const svgShowsCamera =
          (latest.current.hexSvg ? "hex" : "map") === initialShapes.kind &&
          svgFramed.current === JSON.stringify(latest.current.camera);
        const shown = svgShowsCamera ? svgCameraIn(rootRef.current, container) : null;
        const map = new maplibregl.Map({
          container,
          style: seatsStyle(initialShapes.collection, latest.current.scale),
          ...(shown ?? initialCamera(latest.current.camera, initialShapes, fitPadding())),
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
        if (handle) handle.current = map;
        // Test hook only (README): browser tests and outside checks project points through the live map.
        Object.assign(window, { petitionAtlasMap: map });
        map.on("error", (event) => console.error("Map error", event.error));
        // Colours go into feature state as soon as the style exists, so the first complete frame has them.
        map.once("style.load", () => {
          if (!cancelled) setShapes(initialShapes);
        });
        // Started on the overview: the full detail replaces its data (colours stay in feature state) when the
        // reader first reaches for the map or its camera moves; until then the overview draws the same map.
        if (initialShapes.kind === "map" && startTopology !== topology) {
          onFirst(map, FULL_DETAIL_CUES, () => {
            loadShapes("map", { topology, hex })
              .then((full) => {
                if (!cancelled && latest.current.kind === "map")
                  map.getSource<GeoJSONSource>(SEATS_SOURCE)?.setData(full.collection);
              })
              // The overview stays: it still draws every seat.
              .catch((error: unknown) => console.error("Full boundaries unavailable", error));
          });
        }
        map.on("click", FILL_LAYER, (event) => {
          const code = event.features?.[0]?.properties?.code;
          if (typeof code === "string") select(code);
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
        // A camera moved by hand is reported once it settles.
        let moveTimer: ReturnType<typeof setTimeout> | undefined;
        map.on("moveend", (event) => {
          if (!("originalEvent" in event) || !event.originalEvent) return;
          clearTimeout(moveTimer);
          moveTimer = setTimeout(() => {
            const center = map.getCenter();
            latest.current.onCameraMove({ lat: center.lat, lng: center.lng, zoom: map.getZoom() });
          }, 400);
        });
      })
      .catch((error: unknown) => {
        console.error("Map unavailable", error);
        if (cancelled) return;
        const noWebgl = error instanceof Error && error.name === "GPUInitializationError";
        dispatch({ type: "webgl-failed", reason: noWebgl ? "webgl" : "shapes" });
      });
    return () => {
      cancelled = true;
      mapRef.current?.remove();
      mapRef.current = null;
      if (handle) handle.current = null;
    };
  }, [boot, topology, overview, hex, label, handle, select, fitPadding]);

  // Map ⇄ hex: swap the shapes under the same layers, then frame the new layout.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !shapes || shapes.kind === kind) return;
    let cancelled = false;
    dispatch({ type: "webgl-redrawing" });
    loadShapes(kind, { topology, hex })
      .then((next) => {
        if (cancelled) return;
        map.getSource<GeoJSONSource>(SEATS_SOURCE)?.setData(next.collection);
        const seats = latest.current.camera.seats;
        const target = (seats && boundsOf(seats, next)) ?? next.extent;
        map.fitBounds(target, { padding: fitPadding(), maxZoom: SEAT_MAX_ZOOM, duration: 0 });
        setShapes(next);
      })
      .catch(() => {
        if (!cancelled) dispatch({ type: "webgl-failed", reason: "shapes" });
      });
    return () => {
      cancelled = true;
    };
  }, [kind, shapes, topology, hex, fitPadding]);

  // Colour: the seat's value for the current metric goes into feature state; the style classes it.
  const drawn = shapes?.kind === kind;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !drawn) return;
    map.setPaintProperty(FILL_LAYER, "fill-color", fillColour(scale));
    for (const row of rows) {
      map.setFeatureState(
        { source: SEATS_SOURCE, id: row.code },
        { [VALUE_STATE]: metricValue(row, scale.metric) },
      );
    }
    let stopWaiting = () => {};
    const markDrawn = () => {
      // A finger still on the SVG: MapLibre takes over once it lifts, where the reader's pan or pinch left the map.
      const gesture = svgGesture.current;
      stopWaiting = gesture.whenReleased(() => {
        // Read once: after the jump the SVG frames the new camera under the drag's transform, the drag counted twice.
        const left =
          !gestureAdopted.current && gesture.moved && latest.current.kind === "map" && containerRef.current
            ? svgCameraIn(rootRef.current, containerRef.current)
            : null;
        if (left && !showsCamera(map, left)) {
          gestureAdopted.current = true;
          map.jumpTo(left);
          latest.current.onCameraMove({ lng: left.center[0], lat: left.center[1], zoom: left.zoom });
          map.once("idle", markDrawn);
          return;
        }
        dispatch({ type: "webgl-drawn" });
      });
    };
    map.once("idle", markDrawn);
    // Source data may still be on its way: make sure the next frame is drawn so "idle" can fire.
    map.triggerRepaint();
    return () => {
      map.off("idle", markDrawn);
      stopWaiting();
    };
  }, [drawn, shapes, scale, rows, svgGesture]);

  // The outline is drawn in the frame that shows the panel: a feature-state change repaints, it does not re-tile.
  const styled = shapes !== null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styled) return;
    const clear = flagSeat(map, SELECTED_STATE, selection);
    return () => {
      if (mapRef.current === map) clear();
    };
  }, [styled, selection]);

  // The camera frames new seats once the frame answering the click is on screen (its first animation frame would
  // hold that frame back); seats it already frames (it opened on the SVG's framing) and a shared camera (?at=) are
  // left as they are.
  const seatsKey = camera.seats?.join(",") ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !shapes || seatsKey === framedSeats.current) return;
    const target =
      seatsKey === null || latest.current.camera.at ? null : boundsOf(seatsKey.split(","), shapes);
    if (!target) {
      framedSeats.current = seatsKey;
      return;
    }
    return afterNextPaint(() => {
      framedSeats.current = seatsKey;
      map.fitBounds(target, { padding: fitPadding(), maxZoom: SEAT_MAX_ZOOM, duration: 600 });
    });
  }, [shapes, seatsKey, fitPadding]);

  // A sheet opened by hand over the selected seat's centre brings the seat back into view above it (the SVG is
  // re-centred by its CSS). The first report is the cover as the selection found it, which the camera framed.
  useEffect(() => {
    const cover = coverRef.current;
    const map = mapRef.current;
    const seat = map && shapes && selection ? boundsOf([selection], shapes) : null;
    if (!cover || !map || !seat) return;
    let height: number | null = null;
    let cancelMove = () => {};
    const observer = new ResizeObserver(() => {
      const was = height;
      height = cover.offsetHeight;
      if (was === null || height <= was) return;
      const centre = map.project([(seat[0] + seat[2]) / 2, (seat[1] + seat[3]) / 2]);
      if (centre.y < map.getContainer().clientHeight - height) return;
      cancelMove = afterNextPaint(() =>
        map.fitBounds(seat, { padding: fitPadding(), maxZoom: SEAT_MAX_ZOOM, duration: 300 }),
      );
    });
    observer.observe(cover);
    return () => {
      observer.disconnect();
      cancelMove();
    };
  }, [shapes, selection, fitPadding]);

  const hoverCode = hover?.code ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styled) return;
    const clear = flagSeat(map, HOVER_STATE, hoverCode);
    return () => {
      if (mapRef.current === map) clear();
    };
  }, [styled, hoverCode]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && shapes)
      map.getSource<GeoJSONSource>(PIN_SOURCE)?.setData(pinData(kind === "map" ? pin : null));
  }, [pin, shapes, kind]);

  const hoveredRow = hover ? rows.find((row) => row.code === hover.code) : undefined;
  const failure = machine.webglFailure;
  const waitingForGesture = machine.bootWhen === "on-gesture" && !machine.booting;
  return (
    <>
      <div
        ref={rootRef}
        data-testid="petition-map"
        data-state={state}
        data-renderer={renderer}
        data-selected={selection ?? ""}
        data-view={kind}
        className="relative h-full w-full overflow-hidden bg-[#eef2f7]"
        // Before hydration, the inline script may already have marked the server's HTML ready.
        suppressHydrationWarning
      >
        {/* Anti-aliased SVG costs seconds of software raster that MapLibre then waits behind; smooth edges only
            when the SVG is here to stay. Until then a finger's pan or pinch on it is the map's, as on MapLibre's
            canvas (it boots MapLibre), not a page scroll or a swipe back. Assistive technology skips it unless it
            is the map for now (a touch screen before its first pan or zoom) or for good. */}
        <div
          ref={svgLayerRef}
          className={`${renderer === "svg" ? "absolute inset-0" : "hidden"} ${failure ? "" : "touch-none [shape-rendering:crispEdges]"}`}
          style={coverBottom ? { bottom: coverBottom } : undefined}
          aria-hidden={!failure && !waitingForGesture}
        >
          <SvgChoropleth
            hex={props.hexSvg}
            rows={rows}
            scale={scale}
            selection={selection}
            onSelect={select}
            seatHref={props.seatHref}
            camera={camera}
            seatPathsUrl={geometry.seatPaths}
            wholeMap={props.wholeMap}
            initialFrame={props.initialFrame}
            framedCamera={svgFramed}
            onPainted={svgPainted}
            onShapesFailed={svgFailed}
          />
        </div>
        {/* MapLibre draws out of sight until every seat is coloured, then replaces the SVG in one frame. */}
        <div
          className={`absolute inset-0 ${renderer === "svg" ? "invisible" : ""} ${failure ? "hidden" : ""}`}
        >
          <div ref={containerRef} className="h-full w-full" />
        </div>
        <div
          ref={coverRef}
          aria-hidden="true"
          className="pointer-events-none invisible absolute inset-x-0 bottom-0"
          style={{ height: coverBottom ?? 0 }}
        />
        <div className="absolute inset-x-2 top-2 space-y-1">
          {failure && (
            <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {failure === "webgl"
                ? "The interactive map needs WebGL, which this browser cannot provide."
                : "The interactive map could not load its boundaries; reload the page to try again."}{" "}
              {machine.svgShapesFailed
                ? "The static map's shapes could not load either; the table of seats below has every figure."
                : "This static map and the table of seats below still work."}
            </p>
          )}
          {notice && (
            <p role="status" className="rounded bg-white/90 px-3 py-2 text-sm text-slate-800 shadow-sm">
              {notice}
            </p>
          )}
        </div>
        {hover && hoveredRow && machine.phase === "webgl-ready" && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute z-10 rounded bg-slate-900 px-2 py-1 text-xs text-white shadow"
            style={{ left: hover.x + 12, top: hover.y + 12 }}
          >
            <strong>{hoveredRow.name}</strong>: {formatCount(hoveredRow.count)} signatures
          </div>
        )}
      </div>
      {/* The same bytes for every reader: the page's CSP allows it by its hash. */}
      <script dangerouslySetInnerHTML={{ __html: SVG_PAINT_SCRIPT }} />
    </>
  );
}

/** MapLibre's camera showing what the SVG map in `root` shows now; null when it is not on screen. */
function svgCameraIn(root: HTMLElement | null, container: HTMLElement) {
  const svg = root?.querySelector<SVGSVGElement>("svg[viewBox]");
  const box = svg?.getBoundingClientRect();
  if (!svg || !box || box.width === 0) return null;
  const { x, y, width, height } = svg.viewBox.baseVal;
  const { lng, lat, zoom } = cameraOfSvg([x, y, width, height], box, container.getBoundingClientRect());
  return { center: [lng, lat] as [number, number], zoom };
}

/** Whether MapLibre's camera is `camera`, to within half a pixel and a thousandth of a zoom level. */
function showsCamera(map: MapLibreMap, camera: { center: [number, number]; zoom: number }): boolean {
  const centre = map.project(camera.center);
  const { clientWidth, clientHeight } = map.getContainer();
  return (
    Math.hypot(centre.x - clientWidth / 2, centre.y - clientHeight / 2) < 0.5 &&
    Math.abs(map.getZoom() - camera.zoom) < 0.001
  );
}
