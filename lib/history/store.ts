import "server-only";
/**
 * The signature history of petitions over one Sql database (SQLite or PostgreSQL): snapshots recorded when
 * anything changed, chained as deltas with a keyframe every KEYFRAME_EVERY, thinned as they age (retention.ts).
 */
import type { Petition, SignatureCount } from "@/lib/petitions/types";
import { decodeChain, KEYFRAME_EVERY, type SnapshotRow } from "./chain";
import { encodeCounts, sameCounts } from "./codec";
import { migrate } from "./migrations";
import { HOUR_MS } from "./retention";
import { indexRange, SeriesCache } from "./series";
import type { Sql } from "./sql";
import { thinChain } from "./thinning";
import type { Dictionary, HistoryPoint, PointQuery, RecordOutcome, SeatFrames, Snapshot } from "./types";

const DECODED_CACHE_SIZE = 256;

interface PetitionRow {
  seat_codes: string;
  country_codes: string;
  state: string | null;
}

const splitCodes = (joined: string) => (joined === "" ? [] : joined.split(","));

/** Appends codes the dictionary lacks, sorted, so the same inputs always give the same dictionary. */
function extend(codes: readonly string[], rows: readonly SignatureCount[]): string[] {
  const known = new Set(codes);
  const added = [...new Set(rows.map((row) => row.code))].filter((code) => !known.has(code)).sort();
  return [...codes, ...added];
}

function vector(codes: readonly string[], rows: readonly SignatureCount[]): number[] {
  const byCode = new Map(rows.map((row) => [row.code, row.count]));
  return codes.map((code) => byCode.get(code) ?? 0);
}

/** Evenly spread indexes of `length` items, at most `limit`, always with the first and the last. */
export function spreadIndexes(length: number, limit: number | undefined): number[] {
  if (limit === undefined || length <= limit) return Array.from({ length }, (_, index) => index);
  if (limit < 2) return length > 0 ? [length - 1] : [];
  return Array.from({ length: limit }, (_, step) => Math.round((step * (length - 1)) / (limit - 1)));
}

export class HistoryStore {
  private readonly decoded = new Map<string, Snapshot>();
  private readonly series = new SeriesCache();

  private constructor(readonly sql: Sql) {}

  /** Opens the store and brings its schema up to date. */
  static async open(sql: Sql): Promise<HistoryStore> {
    await migrate(sql);
    return new HistoryStore(sql);
  }

  close(): Promise<void> {
    return this.sql.close();
  }

  /** Forgets every decoded snapshot, so the next reads decode from the database (benchmarks time both). */
  dropCaches(): void {
    this.decoded.clear();
    this.series.forget();
  }

  /**
   * Records what a fetch of `petition` saw at `fetchedAt`, unless nothing changed since the latest snapshot. Only
   * open petitions gain snapshots, and the fetch that first sees one closed or rejected: its final total.
   * Thinning is not done here but by thinningDue/thin, apart from any fetch.
   */
  record(petition: Petition, fetchedAt: number): Promise<RecordOutcome> {
    const id = petition.id;
    const open = petition.state === "open";
    return this.sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO history_petitions (petition_id, seat_codes, country_codes, state, thinned_at, finished_at)
         VALUES (?, '', '', ?, ?, ?) ON CONFLICT (petition_id) DO NOTHING`,
        [id, petition.state, fetchedAt, open ? null : fetchedAt],
      );
      const lock = tx.dialect === "postgres" ? " FOR UPDATE" : "";
      const [meta] = await tx.all<PetitionRow>(
        `SELECT seat_codes, country_codes, state FROM history_petitions WHERE petition_id = ?${lock}`,
        [id],
      );
      if (!meta) throw new Error(`Petition ${id} vanished while recording`);
      // Seen finished before (or first seen finished): its state is known, and that is all it needs.
      if (!open && meta.state !== null && meta.state !== "open") {
        await tx.run("UPDATE history_petitions SET state = ? WHERE petition_id = ?", [petition.state, id]);
        return "finished";
      }
      const [latest] = await tx.all<SnapshotRow>(
        "SELECT fetched_at, total, chain FROM history_snapshots WHERE petition_id = ? ORDER BY fetched_at DESC LIMIT 1",
        [id],
      );
      // Deltas chain in time order; a fetch that finished after a newer one was recorded adds nothing.
      if (latest && latest.fetched_at >= fetchedAt) return "out-of-order";

      const seatCodes = extend(splitCodes(meta.seat_codes), petition.byConstituency);
      const countryCodes = extend(splitCodes(meta.country_codes), petition.byCountry);
      const seats = vector(seatCodes, petition.byConstituency);
      const countries = vector(countryCodes, petition.byCountry);
      const previous = latest ? await this.snapshotOf(tx, id, latest.fetched_at) : null;
      const unchanged =
        previous !== null &&
        previous.total === petition.signatureCount &&
        sameCounts(previous.seats, seats) &&
        sameCounts(previous.countries, countries);
      if (!unchanged) {
        const chain = latest && latest.chain + 1 < KEYFRAME_EVERY ? latest.chain + 1 : 0;
        const base = chain === 0 ? null : previous;
        await tx.run(
          "INSERT INTO history_snapshots (petition_id, fetched_at, total, chain, seats, countries) VALUES (?, ?, ?, ?, ?, ?)",
          [
            id,
            fetchedAt,
            petition.signatureCount,
            chain,
            encodeCounts(seats, base?.seats ?? null),
            encodeCounts(countries, base?.countries ?? null),
          ],
        );
        this.remember(id, { at: fetchedAt, total: petition.signatureCount, seats, countries });
      }
      await tx.run(
        `UPDATE history_petitions SET seat_codes = ?, country_codes = ?, state = ?, finished_at = ?
         WHERE petition_id = ?`,
        [seatCodes.join(","), countryCodes.join(","), petition.state, open ? null : fetchedAt, id],
      );
      return unchanged ? "unchanged" : "recorded";
    });
  }

  /** Applies retention to one petition now (the history runtime does this hourly, for those thinningDue names). */
  thin(petitionId: number, now: number): Promise<number> {
    return this.sql.transaction(async (tx) => {
      const lock = tx.dialect === "postgres" ? " FOR UPDATE" : "";
      const found = await tx.all(`SELECT state FROM history_petitions WHERE petition_id = ?${lock}`, [
        petitionId,
      ]);
      if (found.length === 0) return 0;
      const removed = await thinChain(tx, petitionId, now, (at) =>
        this.decoded.delete(`${petitionId}:${at}`),
      );
      await tx.run("UPDATE history_petitions SET thinned_at = ? WHERE petition_id = ?", [now, petitionId]);
      return removed;
    });
  }

  /** Petitions not thinned for an hour; a finished one only until its first thinning after it finished. */
  async thinningDue(now: number): Promise<number[]> {
    const rows = await this.sql.all<{ petition_id: number }>(
      `SELECT petition_id FROM history_petitions
       WHERE thinned_at <= ? AND (finished_at IS NULL OR thinned_at <= finished_at) ORDER BY petition_id`,
      [now - HOUR_MS],
    );
    return rows.map((row) => row.petition_id);
  }

  async dictionary(petitionId: number): Promise<Dictionary | null> {
    const [meta] = await this.sql.all<PetitionRow>(
      "SELECT seat_codes, country_codes FROM history_petitions WHERE petition_id = ?",
      [petitionId],
    );
    return meta
      ? { seatCodes: splitCodes(meta.seat_codes), countryCodes: splitCodes(meta.country_codes) }
      : null;
  }

  /** Total signatures over time, and the area's count when asked. */
  async points(petitionId: number, query: PointQuery = {}): Promise<HistoryPoint[]> {
    const from = query.from ?? 0;
    const to = query.to ?? Number.MAX_SAFE_INTEGER;
    if (query.area === undefined) {
      const rows = await this.sql.all<{ fetched_at: number; total: number }>(
        "SELECT fetched_at, total FROM history_snapshots WHERE petition_id = ? AND fetched_at >= ? AND fetched_at <= ? ORDER BY fetched_at",
        [petitionId, from, to],
      );
      return spreadIndexes(rows.length, query.limit).map((index) => ({
        at: rows[index]!.fetched_at,
        total: rows[index]!.total,
      }));
    }
    const { dictionary, series, first, end } = await this.seriesBetween(petitionId, from, to);
    const seat = dictionary?.seatCodes.indexOf(query.area) ?? -1;
    return spreadIndexes(end - first, query.limit).map((offset) => {
      const index = first + offset;
      const count = seat < 0 ? 0 : (series.seats[index]![seat] ?? 0);
      return { at: series.ats[index]!, total: series.totals[index]!, seat: count };
    });
  }

  /** Every seat's count at up to `limit` snapshots between from and to. */
  async frames(petitionId: number, query: Omit<PointQuery, "area"> = {}): Promise<SeatFrames> {
    const from = query.from ?? 0;
    const to = query.to ?? Number.MAX_SAFE_INTEGER;
    const { dictionary, series, first, end } = await this.seriesBetween(petitionId, from, to);
    const codes = dictionary?.seatCodes ?? [];
    const frames = spreadIndexes(end - first, query.limit).map((offset) => {
      const index = first + offset;
      const seats = series.seats[index]!;
      return {
        at: series.ats[index]!,
        total: series.totals[index]!,
        uk: series.uks[index] ?? null,
        seats: codes.map((_, seat) => seats[seat] ?? 0),
      };
    });
    return { codes, frames };
  }

  private async seriesBetween(petitionId: number, from: number, to: number) {
    const dictionary = await this.dictionary(petitionId);
    const series = await this.series.read(this.sql, petitionId, dictionary?.countryCodes.indexOf("GB") ?? -1);
    const [first, end] = indexRange(series.ats, from, to);
    return { dictionary, series, first, end };
  }

  /** The latest snapshot at or before `at`, else the earliest one after it; null when there is no history. */
  async baseline(petitionId: number, at: number): Promise<Snapshot | null> {
    const [row] = await this.sql.all<{ fetched_at: number }>(
      `SELECT fetched_at FROM history_snapshots WHERE petition_id = ? AND fetched_at <= ? ORDER BY fetched_at DESC LIMIT 1`,
      [petitionId, at],
    );
    const [first] = row
      ? [row]
      : await this.sql.all<{ fetched_at: number }>(
          "SELECT fetched_at FROM history_snapshots WHERE petition_id = ? ORDER BY fetched_at LIMIT 1",
          [petitionId],
        );
    return first ? this.snapshotOf(this.sql, petitionId, first.fetched_at) : null;
  }

  /** Writes how many distinct clients watch each petition now (RecentViewers' counts). */
  async noteViewers(counts: ReadonlyMap<number, number>, at: number): Promise<void> {
    if (counts.size === 0) return;
    await this.sql.transaction(async (tx) => {
      for (const [petitionId, viewers] of counts) {
        await tx.run(
          `INSERT INTO history_views (petition_id, viewed_at, viewers) VALUES (?, ?, ?)
           ON CONFLICT (petition_id) DO UPDATE SET viewed_at = excluded.viewed_at, viewers = excluded.viewers
           WHERE history_views.viewed_at <= excluded.viewed_at`,
          [petitionId, at, viewers],
        );
      }
    });
  }

  /**
   * The petitions the poller follows, at most `limit`, best first: those of `always`, then those viewed since
   * `since`, the most watched first (counts written since `recentSince`; older ones rank by when they were
   * watched). Petitions known to be closed or rejected are never among them.
   */
  async trackable({
    since,
    recentSince = since,
    always = [],
    limit,
  }: {
    since: number;
    recentSince?: number;
    always?: readonly number[];
    limit: number;
  }): Promise<number[]> {
    const viewed = await this.sql.all<{ petition_id: number }>(
      `SELECT v.petition_id FROM history_views v LEFT JOIN history_petitions p ON p.petition_id = v.petition_id
       WHERE v.viewed_at >= ? AND (p.state IS NULL OR p.state = 'open')
       ORDER BY CASE WHEN v.viewed_at >= ? THEN v.viewers ELSE 0 END DESC, v.viewed_at DESC, v.petition_id
       LIMIT ?`,
      [since, recentSince, limit],
    );
    const finished =
      always.length === 0
        ? []
        : await this.sql.all<{ petition_id: number }>(
            `SELECT petition_id FROM history_petitions WHERE state IS NOT NULL AND state <> 'open'
             AND petition_id IN (${always.map(() => "?").join(", ")})`,
            [...always],
          );
    const done = new Set(finished.map((row) => row.petition_id));
    const wanted = always.filter((id) => !done.has(id));
    return [...new Set([...wanted, ...viewed.map((row) => Number(row.petition_id))])].slice(0, limit);
  }

  /** Snapshots and bytes of blobs held, per store or per petition. */
  async usage(petitionId?: number): Promise<{ snapshots: number; bytes: number }> {
    const where = petitionId === undefined ? "" : " WHERE petition_id = ?";
    const [row] = await this.sql.all<{ snapshots: number | string; bytes: number | string | null }>(
      `SELECT COUNT(*) AS snapshots, SUM(LENGTH(seats) + LENGTH(countries)) AS bytes FROM history_snapshots${where}`,
      petitionId === undefined ? [] : [petitionId],
    );
    return { snapshots: Number(row?.snapshots ?? 0), bytes: Number(row?.bytes ?? 0) };
  }

  private async range(sql: Sql, petitionId: number, from: number, to: number): Promise<Snapshot[]> {
    const [key] = await sql.all<{ at: number | null }>(
      "SELECT MAX(fetched_at) AS at FROM history_snapshots WHERE petition_id = ? AND chain = 0 AND fetched_at <= ?",
      [petitionId, from],
    );
    const rows = await sql.all<SnapshotRow>(
      `SELECT fetched_at, total, chain, seats, countries FROM history_snapshots
       WHERE petition_id = ? AND fetched_at >= ? AND fetched_at <= ? ORDER BY fetched_at`,
      [petitionId, key?.at ?? from, to],
    );
    return decodeChain(rows).filter((snapshot) => snapshot.at >= from);
  }

  private async snapshotOf(sql: Sql, petitionId: number, at: number): Promise<Snapshot> {
    const cached = this.decoded.get(`${petitionId}:${at}`);
    if (cached) return cached;
    const snapshot = (await this.range(sql, petitionId, at, at))[0];
    if (!snapshot) throw new Error(`No snapshot of ${petitionId} at ${at}`);
    this.remember(petitionId, snapshot);
    return snapshot;
  }

  private remember(petitionId: number, snapshot: Snapshot): void {
    this.decoded.set(`${petitionId}:${snapshot.at}`, snapshot);
    if (this.decoded.size > DECODED_CACHE_SIZE) {
      const oldest = this.decoded.keys().next().value;
      if (oldest !== undefined) this.decoded.delete(oldest);
    }
  }
}
