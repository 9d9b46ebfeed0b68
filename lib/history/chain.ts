/** How snapshot rows chain: a keyframe (chain 0) holds whole counts, each later row the change since the one before. */
import { decodeCounts } from "./codec";
import type { Snapshot } from "./types";

/** A keyframe every 64 snapshots bounds how many deltas a read decodes before the one it wants. */
export const KEYFRAME_EVERY = 64;
export interface SnapshotRow {
  fetched_at: number;
  total: number;
  chain: number;
  seats: Uint8Array;
  countries: Uint8Array;
}

/** Decodes rows that start at a keyframe, in order. */
export function decodeChain(rows: readonly SnapshotRow[]): Snapshot[] {
  const snapshots: Snapshot[] = [];
  let previous: Snapshot | undefined;
  for (const row of rows) {
    const base = row.chain === 0 ? null : previous;
    if (base === undefined) throw new Error(`Snapshot at ${row.fetched_at} has no keyframe before it`);
    previous = {
      at: row.fetched_at,
      total: row.total,
      seats: decodeCounts(row.seats, base?.seats ?? null),
      countries: decodeCounts(row.countries, base?.countries ?? null),
    };
    snapshots.push(previous);
  }
  return snapshots;
}
