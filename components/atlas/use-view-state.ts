"use client";

import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { SeatRow } from "@/lib/join/types";
import { buildViewHref, type ViewState } from "@/lib/view-state";
import { useAtlas, useViewStore } from "./atlas-context";

/**
 * One field (or a value derived from the view) of the view the URL records; the component re-renders only when it
 * changes. `select` must return a primitive or a value that stays the same object while its inputs do.
 */
export function useView<T>(select: (view: ViewState) => T): T {
  const store = useViewStore();
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.get()),
    () => select(store.initial),
  );
}

/** Writers of the view, which never re-render their caller: update() changes it at once and records it in the URL. */
export function useViewUpdate() {
  const store = useViewStore();
  return { update: store.update, hrefFor: store.hrefFor };
}

/** The whole view, and links and setters for it; for leaves that show most of it. */
export function useViewState() {
  const { pathname } = useAtlas();
  const view = useView((current) => current);
  const hrefFor = useCallback(
    (changes: Partial<ViewState>) => buildViewHref(pathname, { ...view, ...changes }),
    [pathname, view],
  );
  return { view, hrefFor, update: useViewStore().update };
}

/** The selected seat's row in the figures on show (a past frame's while the history slider is away from now). */
export function useSelectedSeat(): SeatRow | undefined {
  const { rows } = useAtlas();
  const area = useView((view) => view.area);
  return useMemo(() => rows.find((row) => row.code === area), [rows, area]);
}
