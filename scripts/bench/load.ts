/**
 * Load: autocannon against `npm start` (the front server and its render cache) behind the petitions stand-in
 * (run.ts keeps petitions fresh for the whole bench), in one run: the ceiling (a small precompressed static file
 * through the same server), `/` and a petition page as kept, the petition's JSON, and a postcode lookup at a steady
 * 200 requests a second. Counts the upstream calls the stand-in saw meanwhile and the server's RSS after each run.
 * The bench's app has its per-client limit set out of reach (startApp), so this measures the app, not the limiter.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { kib, markdownTable } from "./report";
import type { BenchEnv, BenchSection } from "./section";

const CONNECTIONS = 50;
const DURATION_S = 10;
/** The postcode lookup's steady load: requests a second, over fewer connections. */
const POSTCODE_RATE = 200;
const POSTCODE_CONNECTIONS = 10;

export interface LoadResult {
  target: string;
  path: string;
  /** The body's size as sent gzipped. */
  gzipBytes: number;
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

/** A small file the server keeps precompressed: the first script the home page loads. */
async function staticFilePath(appUrl: string): Promise<string> {
  const html = await (await fetch(appUrl)).text();
  const script = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  if (!script) throw new Error("no script in the home page to measure the ceiling with");
  return script;
}

export async function runLoad(env: BenchEnv): Promise<LoadResult[]> {
  const targets = [
    { target: "Ceiling: a static file", path: await staticFilePath(env.appUrl) },
    { target: "Home page `/` (kept)", path: "/" },
    { target: "Petition page (kept)", path: `/petitions/${FIXTURE_IDS.open2024}` },
    { target: "Petition JSON (kept)", path: `/api/petitions/${FIXTURE_IDS.open2024}` },
    { target: `Postcode lookup, steady ${POSTCODE_RATE}/s`, path: "/api/postcodes/SW1A%201AA", steady: true },
  ];
  const results: LoadResult[] = [];
  for (const { target, path, steady } of targets) {
    const url = new URL(path, env.appUrl).href;
    // Like a browser, the client accepts gzip, so the server's compression is part of what is measured.
    const headers = { "accept-encoding": "gzip" };
    await fetch(url, { headers }); // the first reader renders it
    const warm = await fetch(url, { headers });
    if (!warm.ok) throw new Error(`${path} answered ${warm.status} before the load`);
    // fetch unzips the body; the length on the wire is the header's.
    const gzipBytes = Number(warm.headers.get("content-length") ?? Number.NaN);
    await warm.arrayBuffer();
    const before = env.standIn.stats().total;
    const run = await autocannon({
      url,
      connections: steady ? POSTCODE_CONNECTIONS : CONNECTIONS,
      duration: DURATION_S,
      headers,
      ...(steady ? { overallRate: POSTCODE_RATE } : {}),
    });
    results.push({
      target,
      path,
      gzipBytes,
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
      "Size (gzip)",
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
      kib(result.gzipBytes),
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
  return `autocannon, ${CONNECTIONS} connections for ${DURATION_S} s per target (the postcode lookup: ${POSTCODE_CONNECTIONS} connections at a steady ${POSTCODE_RATE} requests a second), one after another, from the same machine (so client and server share its cores), accepting gzip as browsers do, against \`npm start\` (the front server: pages and JSON kept as rendered, static files precompressed). Upstream calls are those the petitions stand-in counted during the run: with the copy fresh, there should be none.\n\n${table}`;
}

export const loadSection: BenchSection = {
  heading: "Load (autocannon)",
  run: async (env) => loadMarkdown(await runLoad(env)),
};
