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

/**
 * Whether the server-rendered SVG inside `root` has been drawn (so the map is "ready" long before MapLibre has
 * booted), and a promise that settles then, or after SVG_PAINT_WAIT_MS: a drawing that never comes must not keep
 * MapLibre away.
 */
export function useSvgFirstPaint(root: RefObject<HTMLElement | null>) {
  const [painted, setPainted] = useState(false);
  const [settled] = useState(settledSignal);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const giveUp = setTimeout(settled.settle, SVG_PAINT_WAIT_MS);
    const onPainted = () => {
      setPainted(true);
      settled.settle();
    };
    // The inline script (svgPaintScript) may have seen the first frame before hydration.
    if (element.getAttribute("data-state") === "ready") {
      onPainted();
      return () => clearTimeout(giveUp);
    }
    const stop = watchSvgPaint(element, onPainted);
    return () => {
      clearTimeout(giveUp);
      stop();
    };
  }, [root, settled]);
  return { painted, settled: settled.promise };
}
