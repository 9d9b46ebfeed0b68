"use client";

import { useEffect, useState } from "react";

/** The longest a fetch waits for a paint that may never be reported. */
const PAINT_WAIT_MS = 3000;
let firstPaint: Promise<void> | null = null;

/** Settles once the browser has shown the page's first content (at once in a hidden tab, which does not paint). */
function firstContentfulPaint(): Promise<void> {
  return (firstPaint ??= new Promise<void>((resolve) => {
    if (document.visibilityState === "hidden" || !PerformanceObserver.supportedEntryTypes.includes("paint")) {
      resolve();
      return;
    }
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length > 0) done();
    });
    const fallback = setTimeout(() => done(), PAINT_WAIT_MS);
    function done() {
      observer.disconnect();
      clearTimeout(fallback);
      resolve();
    }
    observer.observe({ type: "paint", buffered: true });
  }));
}

/**
 * False until the page's first content is on screen: what the page fetches after it (the live figures, the history)
 * starts then, so on a slow phone the first paint shares neither the network nor the main thread with it.
 */
export function useFirstPaintDone(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let mounted = true;
    void firstContentfulPaint().then(() => {
      if (mounted) setDone(true);
    });
    return () => {
      mounted = false;
    };
  }, []);
  return done;
}
