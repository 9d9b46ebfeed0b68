"use client";

import { createContext, useContext } from "react";

/**
 * How the SVG map tells the map around it that its seat shapes could not load (a map drawn after the page loaded
 * fetches them): without them, and without WebGL, there is no map to show.
 */
export const SvgShapesFailed = createContext<() => void>(() => undefined);

export function useReportSvgShapesFailed(): () => void {
  return useContext(SvgShapesFailed);
}
