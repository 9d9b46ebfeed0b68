"use client";

import { createContext, useContext } from "react";
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

const AtlasContext = createContext<AtlasData | null>(null);

export function AtlasProvider({ value, children }: { value: AtlasData; children: React.ReactNode }) {
  return <AtlasContext.Provider value={value}>{children}</AtlasContext.Provider>;
}

export function useAtlas(): AtlasData {
  const value = useContext(AtlasContext);
  if (!value) throw new Error("useAtlas must be used inside <AtlasProvider>");
  return value;
}
