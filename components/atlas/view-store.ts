import { buildViewHref, parseViewState, type ViewState } from "@/lib/view-state";

export type HistoryMode = "push" | "replace";

/**
 * The view the URL records, held in memory so a selection re-renders only what reads it: leaves subscribe to the
 * fields they show (useSyncExternalStore), and a change is on screen in the same task as the click. The URL follows
 * through the history API (Back works, links share the view); Back and Forward come back in through popstate.
 */
export interface ViewStore {
  get(): ViewState;
  /** The view the server rendered, for hydration. */
  initial: ViewState;
  subscribe(listener: () => void): () => void;
  hrefFor(changes: Partial<ViewState>): string;
  update(changes: Partial<ViewState>, mode?: HistoryMode): void;
  /** Follows Back and Forward; returns the function that stops. */
  listen(): () => void;
}

/**
 * A store for the page at `pathname`. `isSeat` says whether a code is a seat of the petition's boundary set: any
 * other area is ignored, like any other bad value.
 */
export function createViewStore(
  pathname: string,
  initial: ViewState,
  isSeat: (code: string) => boolean,
  history: Pick<History, "pushState" | "replaceState"> | null = typeof window === "undefined"
    ? null
    : window.history,
): ViewStore {
  const valid = (view: ViewState): ViewState =>
    view.area && !isSeat(view.area) ? { ...view, area: null } : view;
  let current = valid(initial);
  const listeners = new Set<() => void>();

  const set = (next: ViewState) => {
    if (sameView(next, current)) return;
    current = next;
    for (const listener of listeners) listener();
  };
  const hrefFor = (changes: Partial<ViewState>) => buildViewHref(pathname, { ...current, ...changes });

  return {
    get: () => current,
    initial: current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hrefFor,
    update(changes, mode = "push") {
      const href = hrefFor(changes);
      set(valid({ ...current, ...changes }));
      // Next's router follows history calls once it has mounted (usePathname and useSearchParams stay true).
      if (mode === "push") history?.pushState(null, "", href);
      else history?.replaceState(null, "", href);
    },
    listen() {
      const follow = () => {
        if (window.location.pathname === pathname)
          set(valid(parseViewState(new URLSearchParams(window.location.search))));
      };
      follow();
      window.addEventListener("popstate", follow);
      return () => window.removeEventListener("popstate", follow);
    },
  };
}

function sameView(a: ViewState, b: ViewState): boolean {
  return buildViewHref("", a) === buildViewHref("", b);
}
