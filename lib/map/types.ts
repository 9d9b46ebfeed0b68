import type { HexSvgLayout } from "@/lib/geo/hex-file";
import type { PackedRows } from "@/lib/join/packed-rows";
import type { NationalFigures, SeatRow } from "@/lib/join/types";
import type { ColourScale, Metric } from "@/lib/scale/scale";
import type { BoundarySet, GeoManifestEntry } from "@/lib/seats/types";
import type { Camera } from "@/lib/view-state";

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
  /** The boundary set's public files, as the geo manifest names them. */
  geometry: Pick<GeoManifestEntry, "topology" | "overview" | "seatPaths" | "hex" | "bounds">;
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

/**
 * Where the map's camera goes: a shared camera (`?at=`, honoured when the map opens), else the seats to frame (the
 * selected seat or the focused region's), else the whole layout.
 */
export interface MapCamera {
  seats: readonly string[] | null;
  at: Camera | null;
}
