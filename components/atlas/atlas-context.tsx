"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import { createContext, useContext, useEffect, useMemo, useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/lib/api/fetch";
import type { LiveTable } from "@/lib/api/types";
import type { LiveFetch } from "@/lib/history/momentum-notice";
import { unpackRows } from "@/lib/join/packed-rows";
import type { AtlasData, AtlasPayload, Pin } from "@/lib/map/types";
import type { NationalFigures, SeatRow } from "@/lib/join/types";
import type { ColourScale, Metric } from "@/lib/scale/scale";
import type { ViewState } from "@/lib/view-state";
import { useFirstPaintDone } from "./use-first-paint";
import { createViewStore, type ViewStore } from "./view-store";

/** A past snapshot every leaf shows instead of the latest figures while the history slider is away from "now". */
export interface AtlasFrame {
  rows: SeatRow[];
  national: NationalFigures;
  scales: Record<Metric, ColourScale>;
  signatureCount: number;
  asOf: string;
}

const REFRESH_MS = 60_000;
const AtlasContext = createContext<AtlasData | null>(null);
const FrameContext = createContext<{
  latest: AtlasData;
  /** Where the browser's fetch of the live table (and each seat's momentum) stands. */
  liveFetch: LiveFetch;
  setFrame: (frame: AtlasFrame | null) => void;
} | null>(null);
const PinContext = createContext<{ pin: Pin | null; setPin: (pin: Pin | null) => void } | null>(null);
const ViewStoreContext = createContext<ViewStore | null>(null);
/** The running MapLibre map, when there is one: the map image download captures it. */
export interface MapHandle {
  current: MapLibreMap | null;
}
const MapHandleContext = createContext<MapHandle | null>(null);

export function AtlasProvider({
  value: payload,
  view,
  children,
}: {
  value: AtlasPayload;
  /** The view the request's URL asked for. */
  view: ViewState;
  children: React.ReactNode;
}) {
  // Unpacked once per payload from the server, so every leaf keeps seeing the same SeatRow objects.
  const value = useMemo<AtlasData>(() => {
    const { packedRows, ...sent } = payload;
    return { ...sent, rows: unpackRows(packedRows) };
  }, [payload]);
  const [store] = useState(() => {
    const seats = new Set(value.rows.map((row) => row.code));
    return createViewStore(value.pathname, view, (code) => seats.has(code));
  });
  useEffect(() => store.listen(), [store]);
  const [mapHandle] = useState<MapHandle>(() => ({ current: null }));
  const [pin, setPin] = useState<Pin | null>(null);
  const pinValue = useMemo(() => ({ pin, setPin }), [pin]);
  // Fetched once the page's first content is on screen, then every minute: the figures as they move, and each
  // seat's momentum, which the page leaves out so that it never waits on the signature history.
  const painted = useFirstPaintDone();
  const { data: live, error: liveError } = useSWR(
    value.live && painted ? `/api/petitions/${value.petitionId}` : null,
    fetchJson<LiveTable>,
    {
      refreshInterval: REFRESH_MS,
      revalidateOnFocus: false,
      dedupingInterval: REFRESH_MS / 2,
    },
  );
  const atlas = useMemo<AtlasData>(
    () =>
      live && live.boundarySet === value.set && live.asOf >= value.asOf
        ? {
            ...value,
            rows: unpackRows(live.packedRows),
            national: live.national,
            scales: live.scales,
            signatureCount: live.petition.signatureCount,
            asOf: live.asOf,
            stale: live.stale,
          }
        : value,
    [live, value],
  );
  const [frame, setFrame] = useState<AtlasFrame | null>(null);
  const shown = useMemo(
    () => (frame ? { ...atlas, ...frame, stale: false, live: false } : atlas),
    [atlas, frame],
  );
  // The same on the server and at hydration (no answer yet): pending for a petition that refreshes.
  const liveFetch: LiveFetch = !value.live ? "off" : live ? "current" : liveError ? "failed" : "pending";
  const frameValue = useMemo(() => ({ latest: atlas, liveFetch, setFrame }), [atlas, liveFetch]);
  return (
    <AtlasContext.Provider value={shown}>
      <FrameContext.Provider value={frameValue}>
        <PinContext.Provider value={pinValue}>
          <ViewStoreContext.Provider value={store}>
            <MapHandleContext.Provider value={mapHandle}>{children}</MapHandleContext.Provider>
          </ViewStoreContext.Provider>
        </PinContext.Provider>
      </FrameContext.Provider>
    </AtlasContext.Provider>
  );
}

/**
 * The latest figures (whatever frame is shown), how their live fetch stands, and the setter the history slider uses
 * to show a past one.
 */
export function useAtlasFrame() {
  const value = useContext(FrameContext);
  if (!value) throw new Error("useAtlasFrame must be used inside <AtlasProvider>");
  return value;
}

export function useAtlas(): AtlasData {
  const value = useContext(AtlasContext);
  if (!value) throw new Error("useAtlas must be used inside <AtlasProvider>");
  return value;
}

export function usePin() {
  const value = useContext(PinContext);
  if (!value) throw new Error("usePin must be used inside <AtlasProvider>");
  return value;
}

export function useViewStore(): ViewStore {
  const value = useContext(ViewStoreContext);
  if (!value) throw new Error("useViewStore must be used inside <AtlasProvider>");
  return value;
}

export function useMapHandle(): MapHandle {
  const value = useContext(MapHandleContext);
  if (!value) throw new Error("useMapHandle must be used inside <AtlasProvider>");
  return value;
}
