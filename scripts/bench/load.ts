/**
 * Load: autocannon at 50 connections for 20 s on each of a cached petition page, its JSON and a postcode lookup,
 * against `npm start` behind the petitions stand-in (run.ts keeps petitions fresh for the whole bench). Counts the
 * upstream calls the stand-in saw meanwhile and the server's RSS after each run. The bench's app has its per-client
 * limit set out of reach (startApp), so this measures the app, not the limiter.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { markdownTable } from "./report";
import type { BenchEnv, BenchSection } from "./section";

const CONNECTIONS = 50;
const DURATION_S = 20;

export interface LoadResult {
  target: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts (no answer within autocannon's 10 s) among them. */
  errors: number;
  timeouts: number;
  non2xx: number;
  upstreamCalls: number;
  serverRssMiB: number | null;
}

/** The resident memory of whatever process listens on the app's port (next start's server), from /proc. */
export function serverRssMiB(appUrl: string): number | null {
  try {
    const port = new URL(appUrl).port;
    const listing = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const pid = /pid=(\d+)/.exec(listing)?.[1];
    if (!pid) return null;
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib ? Math.round(Number(kib) / 1024) : null;
  } catch {
    return null; // no ss or no /proc: not Linux
  }
}

export async function runLoad(env: BenchEnv): Promise<LoadResult[]> {
  const targets = [
    { target: "Petition page (cached)", path: `/petitions/${FIXTURE_IDS.open2024}` },
    { target: "Petition JSON (cached)", path: `/api/petitions/${FIXTURE_IDS.open2024}` },
    { target: "Postcode lookup", path: "/api/postcodes/SW1A%201AA" },
  ];
  const results: LoadResult[] = [];
  for (const { target, path } of targets) {
    const url = new URL(path, env.appUrl).href;
    const warm = await fetch(url);
    if (!warm.ok) throw new Error(`${path} answered ${warm.status} before the load`);
    const before = env.standIn.stats().total;
    // Like a browser, the client accepts gzip, so the server's compression is part of what is measured.
    const run = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { "accept-encoding": "gzip" },
    });
    results.push({
      target,
      path,
      requestsPerSecond: Math.round(run.requests.average),
      p50Ms: run.latency.p50,
      p99Ms: run.latency.p99,
      requests: run.requests.total,
      errors: run.errors,
      timeouts: run.timeouts,
      non2xx: run.non2xx,
      upstreamCalls: env.standIn.stats().total - before,
      serverRssMiB: serverRssMiB(env.appUrl),
    });
  }
  return results;
}

export function loadMarkdown(results: LoadResult[]): string {
  const table = markdownTable(
    [
      "Target",
      "Path",
      "req/s",
      "p50",
      "p99",
      "Requests",
      "Errors (timeouts)",
      "Non-2xx",
      "Upstream calls",
      "Server RSS after",
    ],
    results.map((result) => [
      result.target,
      `\`${result.path}\``,
      String(result.requestsPerSecond),
      `${result.p50Ms} ms`,
      `${result.p99Ms} ms`,
      String(result.requests),
      `${result.errors} (${result.timeouts})`,
      String(result.non2xx),
      String(result.upstreamCalls),
      result.serverRssMiB === null ? "—" : `${result.serverRssMiB} MiB`,
    ]),
  );
  return `autocannon, ${CONNECTIONS} connections for ${DURATION_S} s per target, one after another, from the same machine (so client and server share its cores), accepting gzip as browsers do. Upstream calls are those the petitions stand-in counted during the run: with the copy fresh, there should be none.\n\n${table}`;
}

export const loadSection: BenchSection = {
  heading: "Load (autocannon)",
  run: async (env) => loadMarkdown(await runLoad(env)),
};
