/** The signature history's shapes: what the store keeps, and what the API and the timeline show. */

/** One snapshot as read back: per-seat and per-country counts in the order of the petition's code lists. */
export interface Snapshot {
  /** When the numbers were fetched from the petitions site (epoch ms). */
  at: number;
  total: number;
  seats: ArrayLike<number>;
  countries: ArrayLike<number>;
}

/** A petition's code dictionaries: snapshot vectors index into these (they only ever grow). */
export interface Dictionary {
  seatCodes: string[];
  countryCodes: string[];
}

/** One point of a timeline (epoch ms); `seat` is the selected seat's count, when one was asked for. */
export interface HistoryPoint {
  at: number;
  total: number;
  seat?: number;
}

/** Per-seat counts of a series of snapshots, for animating the map: frames[i].seats aligns with codes. */
export interface SeatFrames {
  codes: string[];
  /** `uk`: signatures from the United Kingdom (null when the petition has no country breakdown). */
  frames: { at: number; total: number; uk: number | null; seats: number[] }[];
}

export interface PointQuery {
  from?: number;
  to?: number;
  /** An ONS seat code: each point also carries that seat's count. */
  area?: string;
  /** At most this many points, evenly spread with the first and last kept. */
  limit?: number;
}

export type RecordOutcome = "recorded" | "unchanged" | "out-of-order" | "finished";
