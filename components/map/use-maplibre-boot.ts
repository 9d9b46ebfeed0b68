"use client";

import { useEffect, type Dispatch, type RefObject } from "react";
import type { MapEvent, MapMachine } from "./map-machine";

/** How long MapLibre waits for the SVG's first frame before booting anyway. */
const SVG_PAINT_WAIT_MS = 3_000;
/** How far (CSS px) a pressed pointer moves on the map before it is a drag rather than a tap. */
const DRAG_PX = 8;

/** Resolves once the browser reports that it has shown its first contentful frame (at once if it already has). */
function firstContentShown(): Promise<void> {
  return new Promise((resolve) => {
    if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return resolve();
    const observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName("first-contentful-paint").length === 0) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: "paint", buffered: true });
  });
}

/**
 * Calls `panOrZoom` at the reader's first pan or zoom on `root`: a pressed pointer that moves, two fingers down, or
 * the wheel (the SVG takes no touch gesture of the browser's own). A tap is left to the SVG, which answers it.
 */
function onFirstPanOrZoom(root: HTMLElement, panOrZoom: () => void): () => void {
  const pressed = new Map<number, { x: number; y: number }>();
  const listeners: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }> = {
    pointerdown: (event) => pressed.set(event.pointerId, { x: event.clientX, y: event.clientY }),
    pointermove: (event) => {
      const start = pressed.get(event.pointerId);
      if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) >= DRAG_PX) panOrZoom();
    },
    pointerup: (event) => pressed.delete(event.pointerId),
    pointercancel: (event) => pressed.delete(event.pointerId),
    touchstart: (event) => event.touches.length > 1 && panOrZoom(),
    wheel: () => panOrZoom(),
  };
  const entries = Object.entries(listeners) as [string, EventListener][];
  for (const [type, listener] of entries) root.addEventListener(type, listener, { passive: true });
  return () => {
    for (const [type, listener] of entries) root.removeEventListener(type, listener);
  };
}

/**
 * Starts MapLibre when the map's state machine says so (docs/decisions/0040-maplibre-boot-when.md): it learns the
 * pointer, then reports the causes that may boot MapLibre: the SVG's first frame on screen (paint timing says when
 * the browser has shown it; MapLibre's WebGL set-up, in software GL, would hold back the raster of a frame still on
 * its way), SVG_PAINT_WAIT_MS without it, and the reader's first pan or zoom on the map. Returns whether to boot.
 */
export function useMapLibreBoot(
  machine: MapMachine,
  dispatch: Dispatch<MapEvent>,
  root: RefObject<HTMLElement | null>,
): boolean {
  const { bootWhen, booting, svgPainted } = machine;
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
  useEffect(() => {
    const element = root.current;
    if (bootWhen !== "on-gesture" || booting || !element) return;
    return onFirstPanOrZoom(element, () => dispatch({ type: "boot-due", cause: "gesture" }));
  }, [bootWhen, booting, root, dispatch]);
  return booting;
}
