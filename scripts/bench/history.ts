/**
 * History store: what a snapshot costs to write and keep, what the history API's reads cost, and how much a year of
 * a viral petition polled every minute takes once retention has thinned it, on SQLite and on PostgreSQL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { quantile } from "simple-statistics";
import { openPostgres } from "@/lib/history/postgres-sql";
import { maxRetained, survivors } from "@/lib/history/retention";
import type { Sql } from "@/lib/history/sql";
import { openSqlite } from "@/lib/history/sqlite-sql";
import { HistoryStore } from "@/lib/history/store";
import { POSTGRES_MISSING, startTempPostgres } from "@/test/history/postgres";
import { MINUTE_MS, ViralPetition } from "./history-model";
import { markdownTable } from "./report";
import type { BenchSection } from "./section";

const T0 = Date.parse("2026-01-01T00:00:00Z");
/** The first day and a half of minute polls: the busiest stretch, 100–400 new signatures a minute. */
const MINUTE_WRITES = 2_000;
const YEAR_MINUTES = 365 * 1440;
const QUERY_RUNS = 200;

interface Measured {
  store: string;
  writeMedian: number;
  writeP99: number;
  blobPerThousand: number;
  diskPerThousand: number;
  yearSnapshots: number;
  yearBlobBytes: number;
  yearDiskBytes: number;
  /** Median and p99 ms per read: warm (decoded snapshots kept in memory) and cold (decoded from the database). */
  queries: Record<string, { warm: number[]; cold: number[] }>;
}

type Opener = () => Promise<HistoryStore>;

/** Bytes the snapshots table takes on disk, indexes included. */
async function diskBytes(sql: Sql): Promise<number> {
  if (sql.dialect === "postgres") {
    const [row] = await sql.all<{ bytes: number }>(
      "SELECT pg_total_relation_size('history_snapshots') AS bytes",
    );
    return Number(row?.bytes ?? 0);
  }
  await sql.run("PRAGMA wal_checkpoint(TRUNCATE)");
  const [row] = await sql.all<{ bytes: number }>(
    "SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name IN ('history_snapshots', 'sqlite_autoindex_history_snapshots_1')",
  );
  return Number(row?.bytes ?? 0);
}

const p = (values: number[], q: number) => quantile(values, q);

async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function measure(name: string, open: Opener): Promise<Measured> {
  // Every minute for the first MINUTE_WRITES minutes, as the poller would record it.
  const busy = await open();
  const viral = new ViralPetition();
  const writes: number[] = [];
  for (let minute = 0; minute < MINUTE_WRITES; minute += 1) {
    viral.advanceTo(minute + 1);
    const petition = viral.current();
    const started = performance.now();
    await busy.record(petition, T0 + minute * MINUTE_MS);
    writes.push(performance.now() - started);
  }
  const usage = await busy.usage(viral.id);
  const busyDisk = await diskBytes(busy.sql);
  await busy.close();

  // A year of minute polls after retention: only the snapshots it keeps, written in order.
  const year = await open();
  const yearly = new ViralPetition(990002);
  const end = T0 + YEAR_MINUTES * MINUTE_MS;
  const minutes = Array.from({ length: YEAR_MINUTES }, (_, minute) => minute);
  const kept = [
    ...survivors(
      minutes.map((minute) => T0 + minute * MINUTE_MS),
      end,
    ),
  ].sort((a, b) => a - b);
  for (const minute of kept) {
    yearly.advanceTo(minute + 1);
    await year.record(yearly.current(), T0 + minute * MINUTE_MS);
  }
  const yearUsage = await year.usage(yearly.id);
  const yearDisk = await diskBytes(year.sql);

  const seat = yearly.current().byConstituency[0]!.code;
  const queries: Measured["queries"] = {};
  const reads: [string, () => Promise<unknown>][] = [
    ["Totals, whole year (≤ 500 points)", () => year.points(yearly.id, { limit: 500 })],
    [
      "One seat, last 48 h",
      () => year.points(yearly.id, { from: end - 48 * 3_600_000, area: seat, limit: 500 }),
    ],
    ["One seat, whole year (≤ 500 points)", () => year.points(yearly.id, { area: seat, limit: 500 })],
    ["Every seat, 120 frames (slider)", () => year.frames(yearly.id, { limit: 120 })],
    [
      "Momentum baselines (hour and day)",
      () =>
        Promise.all([year.baseline(yearly.id, end - 3_600_000), year.baseline(yearly.id, end - 86_400_000)]),
    ],
  ];
  for (const [label, read] of reads) {
    const warm = await time(QUERY_RUNS, read);
    const cold = await time(QUERY_RUNS / 10, () => (year.dropCaches(), read()));
    queries[label] = { warm, cold };
  }
  await year.close();

  return {
    store: name,
    writeMedian: p(writes, 0.5),
    writeP99: p(writes, 0.99),
    blobPerThousand: (usage.bytes / usage.snapshots) * 1000,
    diskPerThousand: (busyDisk / usage.snapshots) * 1000,
    yearSnapshots: yearUsage.snapshots,
    yearBlobBytes: yearUsage.bytes,
    yearDiskBytes: yearDisk,
    queries,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const msText = (value: number) => `${value.toFixed(2)} ms`;
const spreadText = (samples: number[]) =>
  samples.length === 0 ? "—" : `${p(samples, 0.5).toFixed(2)} / ${p(samples, 0.99).toFixed(2)} ms`;

function report(results: Measured[], skipped: string | null): string {
  const writes = markdownTable(
    [
      "Store",
      "Write median",
      "Write p99",
      "Per 1,000 snapshots (blobs)",
      "Per 1,000 on disk",
      "Year kept",
      "Year on disk",
    ],
    results.map((result) => [
      result.store,
      msText(result.writeMedian),
      msText(result.writeP99),
      kb(result.blobPerThousand),
      kb(result.diskPerThousand),
      result.yearSnapshots,
      mib(result.yearDiskBytes),
    ]),
  );
  const labels = Object.keys(results[0]?.queries ?? {});
  const reads = markdownTable(
    [
      `Query: median / p99 (${QUERY_RUNS} warm, ${QUERY_RUNS / 10} cold)`,
      ...results.flatMap((result) => [`${result.store} warm`, `${result.store} cold`]),
    ],
    labels.map((label) => [
      label,
      ...results.flatMap((result) => [
        spreadText(result.queries[label]?.warm ?? []),
        spreadText(result.queries[label]?.cold ?? []),
      ]),
    ]),
  );
  const sqlite = results[0];
  const unthinned = sqlite ? (sqlite.blobPerThousand / 1000) * YEAR_MINUTES : 0;
  return [
    "A synthetic viral petition shaped by the seed's real spread over 650 seats and the countries (400·e^(−t/2 days) + 2 signatures a minute, ≈2.2 million in a year), recorded once a minute as the poller would. Each snapshot is one row: per-seat and per-country counts as zig-zag varint changes since the previous snapshot, deflated, with a whole keyframe every 64 snapshots.",
    `Writes: the first ${MINUTE_WRITES.toLocaleString("en-GB")} minutes (100–400 new signatures a minute). Year: the snapshots retention keeps of a year of minute polls (all for 48 h, the first of each hour to 30 days, the first of each day after; at most ${maxRetained(YEAR_MINUTES * MINUTE_MS, MINUTE_MS).toLocaleString("en-GB")}), written in order; queries run against that year.`,
    writes,
    "Reads are the history API's: warm means the petition's decoded snapshots are already in memory (a process decodes each petition once, then decodes new snapshots onto the end and drops thinned ones); cold means everything is decoded from the database, as on a petition's first read after a start.",
    reads,
    `**Storage bound:** a year of a viral petition polled every minute keeps ${sqlite?.yearSnapshots.toLocaleString("en-GB") ?? "—"} snapshots, ${mib(sqlite?.yearBlobBytes ?? 0)} of snapshot data (${results.map((result) => `${mib(result.yearDiskBytes)} on disk in ${result.store}`).join(", ")}). Without retention the same year would be ${YEAR_MINUTES.toLocaleString("en-GB")} snapshots, about ${mib(unthinned)} of snapshot data at the busy-phase rate.`,
    ...(skipped ? [`PostgreSQL not measured: ${skipped}.`] : []),
  ].join("\n\n");
}

export const historySection: BenchSection = {
  heading: "History store",
  async run() {
    const results: Measured[] = [];
    const dirs: string[] = [];
    try {
      results.push(
        await measure("SQLite", () => {
          const dir = mkdtempSync(path.join(os.tmpdir(), "bench-history-"));
          dirs.push(dir);
          return HistoryStore.open(openSqlite(dir));
        }),
      );
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
    const server = await startTempPostgres();
    if (server) {
      try {
        results.push(
          await measure("PostgreSQL", async () =>
            HistoryStore.open(openPostgres(await server.createDatabase())),
          ),
        );
      } finally {
        await server.stop();
      }
    }
    return report(results, server ? null : POSTGRES_MISSING);
  },
};
