/**
 * Every seat's count at every snapshot of a petition, decoded once and kept: reading one seat's history from the
 * delta chain would otherwise decode every snapshot on every request. New snapshots are decoded onto the end, and
 * snapshots thinning deleted are dropped, so a petition is decoded once per process (and LRU slot).
 */
import { decodeRow, type SnapshotRow } from "./chain";
import type { Sql } from "./sql";

export interface SeatSeries {
  ats: number[];
  totals: number[];
  /** One vector per snapshot, in the order of the petition's seat codes at that time. */
  seats: Int32Array[];
  /** Signatures from the United Kingdom at each snapshot (null without a country breakdown). */
  uks: (number | null)[];
  /** The latest snapshot's countries: with its seats, the base the next delta decodes against. */
  countries: ArrayLike<number> | null;
}

const SELECT_ROWS =
  "SELECT fetched_at, total, chain, seats, countries FROM history_snapshots WHERE petition_id = ?";

function append(series: SeatSeries, rows: readonly SnapshotRow[], ukIndex: number): void {
  for (const row of rows) {
    const seats = series.seats.at(-1);
    const previous = seats && series.countries ? { seats, countries: series.countries } : undefined;
    const { at, total, seats: decoded, countries } = decodeRow(row, previous);
    series.ats.push(at);
    series.totals.push(total);
    series.seats.push(decoded);
    series.uks.push(ukIndex < 0 ? null : (countries[ukIndex] ?? 0));
    series.countries = countries;
  }
}

/**
 * The cached series less the snapshots thinning removed (survivors decode to the same counts however they are
 * re-encoded), or null when it cannot be continued: its latest snapshot is gone, or rows appeared before it.
 */
function reconcile(series: SeatSeries, present: readonly number[]): SeatSeries | null {
  const last = series.ats.at(-1);
  const stillThere = new Set(present);
  if (last === undefined || !stillThere.has(last)) return null;
  const keep = series.ats.map((at) => stillThere.has(at));
  const kept = <T>(values: T[]) => values.filter((_, index) => keep[index]);
  const reconciled = {
    ...series,
    ats: kept(series.ats),
    totals: kept(series.totals),
    seats: kept(series.seats),
    uks: kept(series.uks),
  };
  const upToLast = present.filter((at) => at <= last).length;
  return upToLast === reconciled.ats.length ? reconciled : null;
}

export class SeriesCache {
  private readonly cache = new Map<number, SeatSeries>();

  constructor(private readonly maxPetitions = 8) {}

  /** `ukIndex`: where the United Kingdom is in the petition's country codes (−1 when absent). */
  async read(sql: Sql, petitionId: number, ukIndex: number): Promise<SeatSeries> {
    const present = (
      await sql.all<{ fetched_at: number }>(
        "SELECT fetched_at FROM history_snapshots WHERE petition_id = ? ORDER BY fetched_at",
        [petitionId],
      )
    ).map((row) => row.fetched_at);
    const cached = this.cache.get(petitionId);
    this.cache.delete(petitionId);
    let series = cached ? reconcile(cached, present) : null;
    if (series) {
      const last = series.ats.at(-1) ?? -1;
      append(
        series,
        await sql.all<SnapshotRow>(`${SELECT_ROWS} AND fetched_at > ? ORDER BY fetched_at`, [
          petitionId,
          last,
        ]),
        ukIndex,
      );
    } else {
      series = { ats: [], totals: [], seats: [], uks: [], countries: null };
      append(series, await sql.all<SnapshotRow>(`${SELECT_ROWS} ORDER BY fetched_at`, [petitionId]), ukIndex);
    }
    this.cache.set(petitionId, series);
    while (this.cache.size > this.maxPetitions) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return series;
  }

  forget(petitionId?: number): void {
    if (petitionId === undefined) this.cache.clear();
    else this.cache.delete(petitionId);
  }
}

/** Indexes of snapshots between from and to (inclusive), by binary search over the ascending times. */
export function indexRange(ats: readonly number[], from: number, to: number): [number, number] {
  const lowerBound = (value: number) => {
    let [low, high] = [0, ats.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ats[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return [lowerBound(from), lowerBound(to + 1)];
}
