/**
 * Seat pages over a big petitions index: 5,000 synthetic petitions on the 2024 seats (every one ranks on every
 * 2024 seat page, the worst case), written through the index's own save, then the built app on that database
 * serves seat pages; each is timed from request to last byte, the first (which loads the seat matrix) apart. Also
 * the index's size on disk.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { quantile } from "simple-statistics";
import { openSqlite, SQLITE_FILE } from "@/lib/history/sqlite-sql";
import { HistoryStore } from "@/lib/history/store";
import { PetitionIndex } from "@/lib/petition-index/store";
import { getSeats } from "@/lib/seats";
import { seededRandom } from "@/lib/seeded-random";
import { distDir, hasBuild, startApp } from "@/test/e2e/support/processes";
import { openPetition } from "@/test/history/petitions";
import { markdownTable } from "./report";
import type { BenchSection } from "./section";

const PETITIONS = 5_000;
const PAGES = 40;
const TOPICS = [
  "health",
  "environment",
  "education",
  "transport",
  "economy",
  "animals",
  "housing",
  "justice",
];

async function synthesise(dir: string): Promise<{ writeMs: number; bytes: number }> {
  const store = await HistoryStore.open(openSqlite(dir));
  const index = new PetitionIndex(store.sql);
  const base = openPetition();
  const random = seededRandom(5000);
  const started = performance.now();
  for (let n = 0; n < PETITIONS; n += 1) {
    const scale = Math.exp(random() * 8) / 200;
    await index.save(
      {
        ...base,
        id: 900_000 + n,
        action: `Synthetic petition ${n + 1}`,
        state: "closed",
        topics: [TOPICS[n % TOPICS.length]!],
        byConstituency: base.byConstituency.map((seat) => ({
          ...seat,
          count: Math.round(seat.count * scale * (0.3 + random() * 1.4)),
        })),
      },
      Date.now(),
    );
  }
  const writeMs = performance.now() - started;
  await store.sql.run("PRAGMA wal_checkpoint(TRUNCATE)");
  await store.close();
  return { writeMs, bytes: statSync(path.join(dir, SQLITE_FILE)).size };
}

export const seatPagesSection: BenchSection = {
  heading: "Seat pages and the petitions index",
  async run() {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-index-"));
    const { writeMs, bytes } = await synthesise(dir);
    // The build run.ts serves: .next, else the one it made in .next-bench.
    const app = await startApp({
      dir: hasBuild() ? distDir() : ".next-bench",
      env: { HISTORY_DIR: dir, HISTORY_POLLER: "off" },
    });
    try {
      const seats = getSeats("2024");
      const times: number[] = [];
      let firstMs = 0;
      for (let n = -3; n < PAGES; n += 1) {
        const seat = seats[(Math.abs(n) * 16) % seats.length]!;
        const started = performance.now();
        const response = await fetch(`${app.url}/seats/${seat.code}?set=2024`);
        const html = await response.text();
        if (!response.ok || !html.includes('data-testid="seat-petitions"')) {
          throw new Error(`/seats/${seat.code} answered ${response.status}`);
        }
        // The first page loads the seat matrix; it and the next two warm the server up.
        if (n === -3) firstMs = performance.now() - started;
        if (n >= 0) times.push(performance.now() - started);
      }
      const ms = (q: number) => `${Math.round(quantile(times, q))} ms`;
      return [
        `${PETITIONS.toLocaleString("en-GB")} synthetic petitions on the 2024 seats (each ranks on every seat page),`,
        `written with the index's own save; ${PAGES} seat pages of different seats fetched one at a time after`,
        `three warm-up pages, timed from request to last byte. The server holds the index's seat counts in memory`,
        `(lib/petition-index/seat-matrix.ts), read in full by the first seat page after a start.`,
        "",
        markdownTable(
          ["measure", "value"],
          [
            ["seat page, median", ms(0.5)],
            ["seat page, p90", ms(0.9)],
            ["seat page, slowest", `${Math.round(Math.max(...times))} ms`],
            ["first seat page after a start (loads the matrix)", `${Math.round(firstMs)} ms`],
            ["index size on disk (SQLite, after checkpoint)", `${(bytes / 2 ** 20).toFixed(1)} MiB`],
            ["per petition", `${Math.round(bytes / PETITIONS).toLocaleString("en-GB")} bytes`],
            ["writing the 5,000 petitions", `${(writeMs / 1000).toFixed(1)} s`],
          ],
        ),
      ].join("\n");
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
