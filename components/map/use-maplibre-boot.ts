"use client";

import { useEffect, useState } from "react";

/** How long MapLibre waits for the SVG's first frame before booting anyway. */
const SVG_PAINT_WAIT_MS = 3_000;

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
 * When MapLibre may boot: once the SVG's first frame is on screen (paint timing says when the browser has shown
 * it), or after SVG_PAINT_WAIT_MS, since a drawing that never comes must not keep MapLibre away. Its WebGL set-up,
 * in software GL, holds back the raster of any frame still on its way to the screen.
 */
export function useMapLibreBoot(svgPainted: boolean): boolean {
  const [boot, setBoot] = useState(false);
  useEffect(() => {
    const giveUp = setTimeout(() => setBoot(true), SVG_PAINT_WAIT_MS);
    return () => clearTimeout(giveUp);
  }, []);
  useEffect(() => {
    if (!svgPainted) return;
    let stopped = false;
    void firstContentShown().then(() => stopped || setBoot(true));
    return () => {
      stopped = true;
    };
  }, [svgPainted]);
  return boot;
}
