"use client";

import { useEffect, useState } from "react";
import { firstContentShown } from "@/components/map/svg-paint";

/** The longest a fetch waits for a paint that may never be reported. */
const PAINT_WAIT_MS = 3000;

/** Settles once the page's first content is on screen, at once in a hidden tab (which does not paint). */
function firstContentOrHidden(): Promise<void> {
  if (document.visibilityState === "hidden") return Promise.resolve();
  return Promise.race([
    firstContentShown(),
    new Promise<void>((resolve) => setTimeout(resolve, PAINT_WAIT_MS)),
  ]);
}

/**
 * False until the page's first content is on screen: what the page fetches after it (the live figures, the history)
 * starts then, so on a slow phone the first paint shares neither the network nor the main thread with it.
 */
export function useFirstPaintDone(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let mounted = true;
    void firstContentOrHidden().then(() => {
      if (mounted) setDone(true);
    });
    return () => {
      mounted = false;
    };
  }, []);
  return done;
}
