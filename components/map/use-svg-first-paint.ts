"use client";

import { useEffect, useState, type RefObject } from "react";
import { watchSvgPaint } from "./svg-paint";

/** How long MapLibre waits for the SVG's first frame before booting anyway. */
const SVG_PAINT_WAIT_MS = 3_000;

function settledSignal() {
  let settle = () => {};
  const promise = new Promise<void>((resolve) => (settle = resolve));
  return { promise, settle };
}

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
 * Whether the server-rendered SVG inside `root` has been drawn (so the map is "ready" long before MapLibre has
 * booted), and a promise that settles once that frame is on screen, or after SVG_PAINT_WAIT_MS: a drawing that
 * never comes must not keep MapLibre away. MapLibre waits for it because its WebGL set-up, in software GL, holds
 * back the raster of any frame still on its way to the screen.
 */
export function useSvgFirstPaint(root: RefObject<HTMLElement | null>) {
  const [painted, setPainted] = useState(false);
  const [settled] = useState(settledSignal);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let stopped = false;
    const giveUp = setTimeout(settled.settle, SVG_PAINT_WAIT_MS);
    const onPainted = () => {
      setPainted(true);
      // Painted is not yet shown: paint timing says when the browser has shown it.
      void firstContentShown().then(() => stopped || settled.settle());
    };
    // The inline script (svgPaintScript) may have seen the first frame before hydration.
    const seenBeforeHydration = element.getAttribute("data-state") === "ready";
    const stopWatching = seenBeforeHydration ? undefined : watchSvgPaint(element, onPainted);
    if (seenBeforeHydration) onPainted();
    return () => {
      stopped = true;
      clearTimeout(giveUp);
      stopWatching?.();
    };
  }, [root, settled]);
  return { painted, settled: settled.promise };
}
