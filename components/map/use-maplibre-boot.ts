"use client";

import { useEffect, useRef, type Dispatch, type RefObject } from "react";
import { cssTransform, panBy, UNMOVED, wheelFactor, zoomBy, type PanZoom } from "@/lib/map/pan-zoom";
import type { MapEvent, MapMachine } from "./map-machine";
import { firstContentShown } from "./svg-paint";

/** How long MapLibre waits for the SVG's first frame before booting anyway. */
const SVG_PAINT_WAIT_MS = 3_000;
/** How far (CSS px) a pressed pointer moves on the map before it is a drag rather than a tap. */
const DRAG_PX = 8;

/** The reader's pan or zoom of the SVG while MapLibre boots. */
export interface SvgGesture {
  /** The reader has moved the SVG: MapLibre is to take over where they left it. */
  readonly moved: boolean;
  /** Calls `then` once no finger (or button) is down on the map, at once if none is; returns what cancels it. */
  whenReleased(then: () => void): () => void;
}

const NO_GESTURE: SvgGesture = {
  moved: false,
  whenReleased: (then) => {
    then();
    return () => undefined;
  },
};

/**
 * Calls `panOrZoom` at the reader's first pan or zoom on `root`: a pressed pointer that moves, two fingers down, or
 * the wheel (the SVG takes no touch gesture of the browser's own). A tap is left to the SVG, which answers it. From
 * then on `layer` (the SVG) follows the pan, pinch or wheel as MapLibre would, so that MapLibre, booting meanwhile,
 * can take over where the reader left it. Returns the gesture, and what stops following and puts `layer` back.
 */
function followPanAndZoom(
  root: HTMLElement,
  layer: HTMLElement | null,
  panOrZoom: () => void,
): { gesture: SvgGesture; stop: () => void } {
  const pressed = new Map<number, { x: number; y: number }>();
  let moving = false;
  let view = UNMOVED;
  let waiting: (() => void)[] = [];
  const gesture = {
    moved: false,
    whenReleased(then: () => void) {
      if (pressed.size === 0) return NO_GESTURE.whenReleased(then);
      waiting.push(then);
      return () => {
        waiting = waiting.filter((other) => other !== then);
      };
    },
  };
  const move = (next: PanZoom) => {
    if (!layer) return;
    view = next;
    gesture.moved = true;
    layer.style.transformOrigin = "0 0";
    layer.style.transform = cssTransform(view);
  };
  // Pointer positions in the map's box, which the SVG layer fills when unmoved.
  const at = (event: { clientX: number; clientY: number }) => {
    const box = root.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const release = (event: PointerEvent) => {
    if (!pressed.delete(event.pointerId) || pressed.size > 0) return;
    const released = waiting;
    waiting = [];
    for (const then of released) then();
  };
  const listeners: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }> = {
    pointerdown: (event) => {
      pressed.set(event.pointerId, at(event));
      if (pressed.size > 1) {
        moving = true;
        panOrZoom();
      }
    },
    pointermove: (event) => {
      const last = pressed.get(event.pointerId);
      if (!last) return;
      const now = at(event);
      if (!moving && Math.hypot(now.x - last.x, now.y - last.y) < DRAG_PX) return;
      moving = true;
      panOrZoom();
      const other = [...pressed].find(([id]) => id !== event.pointerId)?.[1];
      pressed.set(event.pointerId, now);
      if (!other) return move(panBy(view, now.x - last.x, now.y - last.y));
      // Two fingers: the midpoint pans, the spread zooms about it.
      const mid = { x: (now.x + other.x) / 2, y: (now.y + other.y) / 2 };
      const spread =
        Math.hypot(now.x - other.x, now.y - other.y) / Math.hypot(last.x - other.x, last.y - other.y);
      const panned = panBy(view, mid.x - (last.x + other.x) / 2, mid.y - (last.y + other.y) / 2);
      move(Number.isFinite(spread) && spread > 0 ? zoomBy(panned, spread, mid.x, mid.y) : panned);
    },
    wheel: (event) => {
      panOrZoom();
      const centre = at(event);
      move(zoomBy(view, wheelFactor(event.deltaY, event.deltaMode), centre.x, centre.y));
    },
  };
  const entries = Object.entries(listeners) as [string, EventListener][];
  for (const [type, listener] of entries) root.addEventListener(type, listener, { passive: true });
  // A press may end off the map: listen where every release is heard.
  for (const type of ["pointerup", "pointercancel"] as const) addEventListener(type, release);
  return {
    gesture,
    stop: () => {
      for (const [type, listener] of entries) root.removeEventListener(type, listener);
      for (const type of ["pointerup", "pointercancel"] as const) removeEventListener(type, release);
      if (layer) layer.style.transform = "";
      // Nothing is held back by a gesture that is no longer followed.
      for (const then of waiting.splice(0)) then();
    },
  };
}

/**
 * Starts MapLibre when the map's state machine says so (docs/decisions/0040-maplibre-boot-when.md): it learns the
 * pointer, then reports the causes that may boot MapLibre: the SVG's first frame on screen (paint timing says when
 * the browser has shown it; MapLibre's WebGL set-up, in software GL, would hold back the raster of a frame still on
 * its way), SVG_PAINT_WAIT_MS without it, and the reader's first pan or zoom on the map. On a touch screen the SVG
 * (`svgLayer`, when given) follows that gesture until MapLibre takes over. Returns whether to boot, and the reader's
 * gesture on the SVG (MapLibre takes over once it has ended, where it left the map).
 */
export function useMapLibreBoot(
  machine: MapMachine,
  dispatch: Dispatch<MapEvent>,
  root: RefObject<HTMLElement | null>,
  svgLayer: RefObject<HTMLElement | null> | null,
): { booting: boolean; svgGesture: RefObject<SvgGesture> } {
  const { bootWhen, booting, svgPainted, phase, webglFailure } = machine;
  const svgGesture = useRef<SvgGesture>(NO_GESTURE);
  useEffect(() => {
    dispatch({ type: "pointer-known", coarse: matchMedia("(pointer: coarse)").matches });
  }, [dispatch]);
  useEffect(() => {
    if (bootWhen !== "after-paint" || booting) return;
    const giveUp = setTimeout(() => dispatch({ type: "boot-due", cause: "svg-late" }), SVG_PAINT_WAIT_MS);
    return () => clearTimeout(giveUp);
  }, [bootWhen, booting, dispatch]);
  useEffect(() => {
    if (bootWhen !== "after-paint" || booting || !svgPainted) return;
    let stopped = false;
    void firstContentShown().then(() => stopped || dispatch({ type: "boot-due", cause: "svg-shown" }));
    return () => {
      stopped = true;
    };
  }, [bootWhen, booting, svgPainted, dispatch]);
  // Until MapLibre has taken over (or given up), the SVG is the map the reader's fingers move.
  const svgOnScreen = phase.startsWith("svg") && !webglFailure;
  useEffect(() => {
    const element = root.current;
    if (bootWhen !== "on-gesture" || !svgOnScreen || !element) return;
    const { gesture, stop } = followPanAndZoom(element, svgLayer?.current ?? null, () =>
      dispatch({ type: "boot-due", cause: "gesture" }),
    );
    svgGesture.current = gesture;
    return () => {
      svgGesture.current = NO_GESTURE;
      stop();
    };
  }, [bootWhen, svgOnScreen, root, svgLayer, dispatch]);
  return { booting, svgGesture };
}
