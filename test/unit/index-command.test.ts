/**
 * `npm run index` as a process against the stand-in's corpus: it builds the index, survives a SIGKILL mid-crawl
 * (the rerun ends with exactly the corpus), a second pass fetches only what changed, and the stand-in's request
 * log shows the rate held.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openSqlite } from "@/lib/history/sqlite-sql";
import { expectedRows, indexRows } from "@/test/index/expected";
import { CORPUS } from "@/test/upstream/corpus";
import { startStandIn, type LoggedRequest, type StandIn } from "@/test/upstream/server";

const RATE = 40;
let standIn: StandIn;
let dir: string;

beforeAll(async () => {
  standIn = await startStandIn({ corpus: true });
  dir = mkdtempSync(path.join(os.tmpdir(), "index-command-"));
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run index`; `killAfter` SIGKILLs its whole process group once the stand-in has seen that many requests. */
function runIndex(killAfter?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn("npm", ["run", "--silent", "index"], {
    env: {
      ...process.env,
      PETITIONS_API_BASE: standIn.url,
      HISTORY_DIR: dir,
      PETITIONS_INDEX_RATE: String(RATE),
      // The index's share of the default upstream budget is below RATE: this test checks the crawler's own pace.
      PETITIONS_API_RATE: String(RATE * 10),
      // A loaded CI machine must not turn a slow answer into a failed pass.
      PETITIONS_API_TIMEOUT_MS: "60000",
      DATABASE_URL: "",
    },
    detached: true,
    stdio: "ignore",
  });
  const watch =
    killAfter === undefined
      ? undefined
      : setInterval(() => {
          if (standIn.requests().length >= killAfter && child.pid) process.kill(-child.pid, "SIGKILL");
        }, 5);
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      clearInterval(watch);
      resolve({ code, signal });
    }),
  );
}

/** Most requests that arrived within any half-open second. */
function busiestSecond(requests: readonly LoggedRequest[]): number {
  let busiest = 0;
  let first = 0;
  for (let last = 0; last < requests.length; last += 1) {
    while (requests[last]!.at - requests[first]!.at >= 1000) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}

const detailFetches = (requests: readonly LoggedRequest[]) =>
  requests.filter((r) => /^\/(archived\/)?petitions\/\d+\.json$/.test(r.url)).map((r) => r.url);

it("builds the index, survives a kill mid-crawl, then fetches only what changed, never above its rate", async () => {
  const killed = await runIndex(100);
  expect(killed.signal).toBe("SIGKILL");
  const sql = openSqlite(dir);
  try {
    const partial = await indexRows(sql);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(standIn.listed().length);

    standIn.reset();
    expect((await runIndex()).code).toBe(0);
    const rerun = standIn.requests();
    // The rerun fetched only what the killed pass had not saved, and the index is exactly the corpus.
    expect(detailFetches(rerun)).toHaveLength(standIn.listed().length - partial.length);
    expect(await indexRows(sql)).toEqual(expectedRows(standIn.listed()));
    // The pacer keeps request starts 1000 / RATE ms apart plus 5% (1.25 ms here); one more allows for arrival jitter.
    expect(busiestSecond(rerun)).toBeLessThanOrEqual(RATE + 1);

    standIn.bump(CORPUS.currentFirst + 4, 3);
    standIn.reset();
    expect((await runIndex()).code).toBe(0);
    expect(detailFetches(standIn.requests())).toEqual([`/petitions/${CORPUS.currentFirst + 4}.json`]);
    expect(await indexRows(sql)).toEqual(expectedRows(standIn.listed()));
  } finally {
    await sql.close();
  }
}, 120_000);
