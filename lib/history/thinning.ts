/**
 * Retention inside one petition's delta chain: deleting a snapshot would orphan the deltas after it, so the span
 * from the keyframe before the first deleted snapshot to the keyframe after the last is decoded and its survivors
 * re-encoded (a keyframe first, then deltas). Snapshots outside that span are untouched.
 */
import { decodeChain, KEYFRAME_EVERY, type SnapshotRow } from "./chain";
import { encodeCounts } from "./codec";
import { survivors } from "./retention";
import type { Sql } from "./sql";

/** Deletes the snapshots retention no longer keeps at `now`; returns how many. Run inside a transaction. */
export async function thinChain(
  tx: Sql,
  petitionId: number,
  now: number,
  forget: (at: number) => void,
): Promise<number> {
  const index = await tx.all<{ fetched_at: number; chain: number }>(
    "SELECT fetched_at, chain FROM history_snapshots WHERE petition_id = ? ORDER BY fetched_at",
    [petitionId],
  );
  const keep = survivors(
    index.map((row) => row.fetched_at),
    now,
  );
  const doomed = index.flatMap((_, position) => (keep.has(position) ? [] : [position]));
  const first = doomed[0];
  const last = doomed.at(-1);
  if (first === undefined || last === undefined) return 0;

  let start = first;
  while (start > 0 && index[start]!.chain !== 0) start -= 1;
  let end = last + 1;
  while (end < index.length && index[end]!.chain !== 0) end += 1;
  const rows = await tx.all<SnapshotRow>(
    `SELECT fetched_at, total, chain, seats, countries FROM history_snapshots
     WHERE petition_id = ? AND fetched_at >= ? AND fetched_at <= ? ORDER BY fetched_at`,
    [petitionId, index[start]!.fetched_at, index[end - 1]!.fetched_at],
  );
  const snapshots = decodeChain(rows);

  let previous: (typeof snapshots)[number] | null = null;
  let chain = 0;
  for (const [offset, snapshot] of snapshots.entries()) {
    if (!keep.has(start + offset)) {
      await tx.run("DELETE FROM history_snapshots WHERE petition_id = ? AND fetched_at = ?", [
        petitionId,
        snapshot.at,
      ]);
      forget(snapshot.at);
      continue;
    }
    chain = previous === null || chain + 1 >= KEYFRAME_EVERY ? 0 : chain + 1;
    // Before the first deleted snapshot nothing changed: same predecessor, same place in the chain.
    if (start + offset > first) {
      const base = chain === 0 ? null : previous;
      await tx.run(
        "UPDATE history_snapshots SET chain = ?, seats = ?, countries = ? WHERE petition_id = ? AND fetched_at = ?",
        [
          chain,
          encodeCounts(snapshot.seats, base?.seats ?? null),
          encodeCounts(snapshot.countries, base?.countries ?? null),
          petitionId,
          snapshot.at,
        ],
      );
    }
    previous = snapshot;
  }
  return doomed.length;
}
