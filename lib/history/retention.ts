/**
 * Which snapshots to keep as they age: every one for 48 hours, the last of each UTC hour up to 30 days, then the
 * last of each UTC day, and always the newest, so a closed petition's history ends at its final total. A pure
 * function of the times and "now", so thinning twice changes nothing. (Stores thinned when the first of each bucket
 * was kept are not migrated: their old hours keep the first snapshot, and their final total may be gone.)
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const RETENTION = {
  keepAllMs: 48 * HOUR_MS,
  hourlyUntilMs: 30 * DAY_MS,
} as const;

/** The bucket a snapshot of age `age` falls in, or null when it is young enough to keep anyway. */
function bucketOf(at: number, age: number): string | null {
  if (age <= RETENTION.keepAllMs) return null;
  return age <= RETENTION.hourlyUntilMs ? `h${Math.floor(at / HOUR_MS)}` : `d${Math.floor(at / DAY_MS)}`;
}

/** Indexes of `times` (ascending epoch ms) to keep at `now`, in ascending order. */
export function survivors(times: readonly number[], now: number): Set<number> {
  const keep: number[] = [];
  const seen = new Set<string>();
  // Newest first, so the first one seen in a bucket is its last.
  for (let index = times.length - 1; index >= 0; index -= 1) {
    const at = times[index]!;
    const bucket = bucketOf(at, now - at);
    if (bucket === null || !seen.has(bucket)) keep.push(index);
    if (bucket !== null) seen.add(bucket);
  }
  return new Set(keep.reverse());
}

/** The most snapshots one petition can hold after thinning, for a petition polled for `spanMs`. */
export function maxRetained(spanMs: number, pollMs: number): number {
  const recent = Math.ceil(Math.min(spanMs, RETENTION.keepAllMs) / pollMs);
  const hourly = Math.ceil(
    Math.max(0, Math.min(spanMs, RETENTION.hourlyUntilMs) - RETENTION.keepAllMs) / HOUR_MS,
  );
  const daily = Math.ceil(Math.max(0, spanMs - RETENTION.hourlyUntilMs) / DAY_MS);
  // +1 per tier: a bucket cut by a tier boundary can hold one extra snapshot.
  return recent + hourly + daily + 2;
}
