"use client";

import { createContext, useContext, useMemo, useState } from "react";
import useSWR from "swr";
import type { HexSvgLayout } from "@/lib/geo/hex-file";
import type { LiveTable } from "@/lib/api/live-table";
import { unpackRows, type PackedRows } from "@/lib/join/packed-rows";
import type { NationalFigures, SeatRow } from "@/lib/join/types";
import type { ColourScale, Metric } from "@/lib/scale/scale";
import type { BoundarySet } from "@/lib/seats/types";

/** Everything the interactive leaves share: the server's join, sent once, then refreshed while a petition is open. */
export interface AtlasData {
  petitionId: number;
  /** Where this petition's view lives ("/" for the seed on the home page). */
  pathname: string;
  set: BoundarySet;
  rows: SeatRow[];
  national: NationalFigures;
  scales: Record<Metric, ColourScale>;
  signatureCount: number;
  asOf: string;
  stale: boolean;
  /** Open petitions refresh their numbers every minute. */
  live: boolean;
  geometry: { topology: string; seatPaths: string; hex: string; bounds: [number, number, number, number] };
  viewBox: [number, number, number, number];
  /** Present when the page was asked for the hex view, so its first paint is hexes too. */
  hexSvg?: HexSvgLayout | null;
}

/** AtlasData as the server sends it: the rows packed, a quarter of their size as objects (lib/join/packed-rows.ts). */
export type AtlasPayload = Omit<AtlasData, "rows"> & { packedRows: PackedRows };

/** Where a postcode search landed. Kept in memory only: a postcode never goes into a shareable URL. */
export interface Pin {
  lat: number;
  lng: number;
  label: string;
}

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
  setFrame: (frame: AtlasFrame | null) => void;
} | null>(null);
const PinContext = createContext<{ pin: Pin | null; setPin: (pin: Pin | null) => void } | null>(null);

async function fetchLiveTable(url: string): Promise<LiveTable> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as LiveTable;
}

export function AtlasProvider({
  value: payload,
  children,
}: {
  value: AtlasPayload;
  children: React.ReactNode;
}) {
  // Unpacked once per payload from the server, so every leaf keeps seeing the same SeatRow objects.
  const value = useMemo<AtlasData>(() => {
    const { packedRows, ...sent } = payload;
    return { ...sent, rows: unpackRows(packedRows) };
  }, [payload]);
  const [pin, setPin] = useState<Pin | null>(null);
  const pinValue = useMemo(() => ({ pin, setPin }), [pin]);
  const { data: live } = useSWR(value.live ? `/api/petitions/${value.petitionId}` : null, fetchLiveTable, {
    refreshInterval: REFRESH_MS,
    revalidateOnMount: false,
    revalidateOnFocus: false,
    dedupingInterval: REFRESH_MS / 2,
  });
  const atlas = useMemo<AtlasData>(
    () =>
      live && live.boundarySet === value.set && live.asOf > value.asOf
        ? {
            ...value,
            rows: live.rows,
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
  const frameValue = useMemo(() => ({ latest: atlas, setFrame }), [atlas]);
  return (
    <AtlasContext.Provider value={shown}>
      <FrameContext.Provider value={frameValue}>
        <PinContext.Provider value={pinValue}>{children}</PinContext.Provider>
      </FrameContext.Provider>
    </AtlasContext.Provider>
  );
}

/** The latest figures (whatever frame is shown) and the setter the history slider uses to show a past one. */
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
