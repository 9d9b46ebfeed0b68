"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { SeatRow } from "@/lib/join/types";
import { buildViewHref, parseViewState, type ViewState } from "@/lib/view-state";
import { useAtlas } from "./atlas-context";

/**
 * The view as the URL says it is, and setters that write the URL. Native history calls keep Next's router in step
 * without a server round trip, so selecting a seat is instant.
 */
export function useViewState() {
  const searchParams = useSearchParams();
  const { pathname, rows } = useAtlas();
  const parsed = useMemo(() => parseViewState(new URLSearchParams(searchParams.toString())), [searchParams]);
  // An area that is not a seat of this petition's boundary set is ignored, like any other bad value.
  const view = useMemo<ViewState>(
    () => (parsed.area && !rows.some((row) => row.code === parsed.area) ? { ...parsed, area: null } : parsed),
    [parsed, rows],
  );

  const hrefFor = useCallback(
    (changes: Partial<ViewState>) => buildViewHref(pathname, { ...view, ...changes }),
    [pathname, view],
  );

  const update = useCallback(
    (changes: Partial<ViewState>, mode: "push" | "replace" = "push") => {
      const href = hrefFor(changes);
      // Next follows history calls only once its router has mounted and wrapped them. A click while the page is
      // still hydrating (the table can hydrate first) would change the URL but not the view: load the page instead,
      // as the link does before hydration.
      if (!routerFollowsHistory()) window.location.assign(href);
      else if (mode === "push") window.history.pushState(null, "", href);
      else window.history.replaceState(null, "", href);
    },
    [hrefFor],
  );

  return { view, hrefFor, update };
}

function routerFollowsHistory(): boolean {
  return !Function.prototype.toString.call(window.history.pushState).includes("[native code]");
}

/** The selected seat's row in the figures on show (a past frame's while the history slider is away from now). */
export function useSelectedSeat(): SeatRow | undefined {
  const { rows } = useAtlas();
  const { view } = useViewState();
  return useMemo(() => rows.find((row) => row.code === view.area), [rows, view.area]);
}
