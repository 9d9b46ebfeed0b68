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

/**
 * One row's snapshot, decoded against the snapshot before it: a keyframe needs none, and a delta without one
 * (`previous` undefined) is an error.
 */
export function decodeRow(
  row: SnapshotRow,
  previous: Pick<Snapshot, "seats" | "countries"> | undefined,
): Snapshot & { seats: Int32Array; countries: Int32Array } {
  const base = row.chain === 0 ? null : previous;
  if (base === undefined) throw new Error(`Snapshot at ${row.fetched_at} has no keyframe before it`);
  return {
    at: row.fetched_at,
    total: row.total,
    seats: decodeCounts(row.seats, base?.seats ?? null),
    countries: decodeCounts(row.countries, base?.countries ?? null),
  };
}

/** Decodes rows that start at a keyframe, in order. */
export function decodeChain(rows: readonly SnapshotRow[]): Snapshot[] {
  const snapshots: Snapshot[] = [];
  let previous: Snapshot | undefined;
  for (const row of rows) {
    previous = decodeRow(row, previous);
    snapshots.push(previous);
  }
  return snapshots;
}
