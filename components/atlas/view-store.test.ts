import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW } from "@/lib/view-state";
import { createViewStore } from "./view-store";

const SEATS = new Set(["E14000911", "S14000055"]);

function storeAt(pathname = "/petitions/575833", initial = DEFAULT_VIEW) {
  const writes: string[] = [];
  const history = {
    pushState: (_data: unknown, _unused: string, url?: string | URL | null) => writes.push(`push ${url}`),
    replaceState: (_data: unknown, _unused: string, url?: string | URL | null) =>
      writes.push(`replace ${url}`),
  };
  const store = createViewStore(pathname, initial, (code) => SEATS.has(code), history);
  return { store, writes };
}

describe("the view store", () => {
  it("updates the view at once, tells subscribers, then records it in the URL", () => {
    const { store, writes } = storeAt();
    const seen: (string | null)[] = [];
    store.subscribe(() => seen.push(store.get().area));
    store.update({ area: "E14000911" });
    expect(store.get().area).toBe("E14000911");
    expect(seen).toEqual(["E14000911"]);
    expect(writes).toEqual(["push /petitions/575833?area=E14000911"]);
  });

  it("replaces the history entry when asked (camera moves), keeping the other fields", () => {
    const { store, writes } = storeAt("/", { ...DEFAULT_VIEW, area: "S14000055", metric: "rate" });
    store.update({ at: { lat: 53.5, lng: -2.3, zoom: 8 } }, "replace");
    expect(writes).toEqual(["replace /?area=S14000055&metric=rate&at=53.5,-2.3,8"]);
  });

  it("ignores an area that is not a seat of the petition's boundary set", () => {
    const { store } = storeAt("/", { ...DEFAULT_VIEW, area: "E99999999" });
    expect(store.get().area).toBeNull();
    store.update({ area: "W07000041" });
    expect(store.get().area).toBeNull();
  });

  it("does not notify when nothing changed", () => {
    const { store } = storeAt("/", { ...DEFAULT_VIEW, area: "E14000911" });
    let calls = 0;
    const stop = store.subscribe(() => (calls += 1));
    store.update({ area: "E14000911" });
    expect(calls).toBe(0);
    stop();
    store.update({ area: null });
    expect(calls).toBe(0);
  });

  it("builds links from the current view", () => {
    const { store } = storeAt("/petitions/575833", { ...DEFAULT_VIEW, metric: "share" });
    expect(store.hrefFor({ area: "E14000911", at: null })).toBe(
      "/petitions/575833?area=E14000911&metric=share",
    );
  });
});
