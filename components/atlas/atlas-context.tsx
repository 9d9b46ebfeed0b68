"use client";

import { createContext, useContext, useMemo, useState } from "react";
import type { NationalFigures, SeatRow } from "@/lib/join/types";
import type { ColourScale, Metric } from "@/lib/scale/scale";
import type { BoundarySet } from "@/lib/seats/types";

/** Everything the interactive leaves share: the server's join, sent once. */
export interface AtlasData {
  petitionId: number;
  /** Where this petition's view lives ("/" for the seed on the home page). */
  pathname: string;
  set: BoundarySet;
  rows: SeatRow[];
  national: NationalFigures;
  scales: Record<Metric, ColourScale>;
  geometry: { topology: string; sprite: string; hex: string; bounds: [number, number, number, number] };
  viewBox: [number, number, number, number];
}

/** Where a postcode search landed. Kept in memory only: a postcode never goes into a shareable URL. */
export interface Pin {
  lat: number;
  lng: number;
  label: string;
}

const AtlasContext = createContext<AtlasData | null>(null);
const PinContext = createContext<{ pin: Pin | null; setPin: (pin: Pin | null) => void } | null>(null);

export function AtlasProvider({ value, children }: { value: AtlasData; children: React.ReactNode }) {
  const [pin, setPin] = useState<Pin | null>(null);
  const pinValue = useMemo(() => ({ pin, setPin }), [pin]);
  return (
    <AtlasContext.Provider value={value}>
      <PinContext.Provider value={pinValue}>{children}</PinContext.Provider>
    </AtlasContext.Provider>
  );
}

export function usePin() {
  const value = useContext(PinContext);
  if (!value) throw new Error("usePin must be used inside <AtlasProvider>");
  return value;
}

export function useAtlas(): AtlasData {
  const value = useContext(AtlasContext);
  if (!value) throw new Error("useAtlas must be used inside <AtlasProvider>");
  return value;
}
