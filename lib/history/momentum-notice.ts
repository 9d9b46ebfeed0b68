import type { Metric } from "@/lib/scale/scale";

/**
 * The browser's fetch of the live table, which brings each seat's momentum (the page never carries it, decision
 * 0022): none for a petition that does not refresh, pending until the first answer, failed while it keeps failing.
 */
export type LiveFetch = "off" | "pending" | "failed" | "current";

/** What the map says while it is asked to colour seats by momentum it does not have; null when it has it. */
export function momentumNotice(metric: Metric, hasMomentum: boolean, fetch: LiveFetch): string | null {
  if (metric !== "momentum" || hasMomentum) return null;
  switch (fetch) {
    case "pending":
      return "Loading momentum (signatures in the last 24 hours)…";
    case "failed":
      return "Momentum could not be loaded just now, so the map is not coloured; trying again.";
    case "off":
    case "current":
      return "This petition has no recent signature history, so there is no momentum to colour the map by.";
  }
}
