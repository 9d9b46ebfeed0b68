/**
 * Load: autocannon against `npm start` (the front server and its render cache) behind the petitions stand-in
 * (run.ts keeps petitions fresh for the whole bench), in one run: the ceiling (a small precompressed static file
 * through the same server), `/` and a petition page as kept, the petition's JSON, and a postcode lookup at a steady
 * 200 requests a second. Client and server share the machine's cores, so each run also reports the CPU time both
 * spent: the server's from /proc, the client's from process.cpuUsage (its worker threads included). One client
 * thread cannot parse a large page's answers as fast as the server writes them, so the pages and the ceiling are
 * loaded from one thread and from CLIENT_WORKERS threads, one after the other. Counts the upstream calls the
 * stand-in saw meanwhile and the server's RSS after each run. The bench's app has its per-client limit set out of
 * reach (startApp), so this measures the app, not the limiter.
 */
import autocannon from "autocannon";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { processUsage } from "./process-usage";
import { kib, markdownTable } from "./report";
import type { BenchEnv, BenchSection } from "./section";

const CONNECTIONS = 50;
const DURATION_S = 10;
/** Client threads for the runs as fast as possible: as many as the reference machine has cores. */
const CLIENT_WORKERS = 2;
/** The postcode lookup's steady load: requests a second, over fewer connections. */
const POSTCODE_RATE = 200;
const POSTCODE_CONNECTIONS = 10;

export interface LoadResult {
  target: string;
  path: string;
  /** autocannon's threads: 1, or its worker threads. */
  clientThreads: number;
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
  /** The server's CPU time per answer, in µs, and its CPU time over the run's wall time (100 = one core). */
  serverCpuPerRequestUs: number | null;
  serverCpuPercent: number | null;
  /** The load generator's CPU time over the run's wall time. */
  clientCpuPercent: number;
  serverRssMiB: number | null;
}

/** A small file the server keeps precompressed: the first script the home page loads. */
async function staticFilePath(appUrl: string): Promise<string> {
  const html = await (await fetch(appUrl)).text();
  const script = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  if (!script) throw new Error("no script in the home page to measure the ceiling with");
  return script;
}

interface Target {
  target: string;
  path: string;
  steady?: boolean;
}

async function measure(
  env: BenchEnv,
  { target, path, steady }: Target,
  workers: number,
): Promise<LoadResult> {
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
  const serverBefore = processUsage(env.appPid);
  const clientBefore = process.cpuUsage();
  const startedAt = performance.now();
  const run = await autocannon({
    url,
    connections: steady ? POSTCODE_CONNECTIONS : CONNECTIONS,
    duration: DURATION_S,
    headers,
    ...(workers > 1 ? { workers } : {}),
    ...(steady ? { overallRate: POSTCODE_RATE } : {}),
  });
  const wallMs = performance.now() - startedAt;
  const client = process.cpuUsage(clientBefore);
  const serverAfter = processUsage(env.appPid);
  const serverCpuMs = serverBefore && serverAfter ? serverAfter.cpuMs - serverBefore.cpuMs : null;
  const requests = run.requests.total;
  return {
    target,
    path,
    clientThreads: workers,
    gzipBytes,
    // Over the run's duration: with worker threads, autocannon's per-second average is one worker's.
    requestsPerSecond: Math.round(requests / (run.duration || DURATION_S)),
    p50Ms: run.latency.p50,
    p99Ms: run.latency.p99,
    requests,
    errors: run.errors,
    timeouts: run.timeouts,
    non2xx: run.non2xx,
    upstreamCalls: env.standIn.stats().total - before,
    serverCpuPerRequestUs: serverCpuMs === null || requests === 0 ? null : (serverCpuMs * 1000) / requests,
    serverCpuPercent: serverCpuMs === null ? null : (serverCpuMs / wallMs) * 100,
    clientCpuPercent: ((client.user + client.system) / 1000 / wallMs) * 100,
    serverRssMiB: serverAfter?.rssMiB ?? null,
  };
}

export async function runLoad(env: BenchEnv): Promise<LoadResult[]> {
  const pages: Target[] = [
    { target: "Ceiling: a static file", path: await staticFilePath(env.appUrl) },
    { target: "Home page `/` (kept)", path: "/" },
    { target: "Petition page (kept)", path: `/petitions/${FIXTURE_IDS.open2024}` },
    { target: "Petition JSON (kept)", path: `/api/petitions/${FIXTURE_IDS.open2024}` },
  ];
  const results: LoadResult[] = [];
  for (const workers of [1, CLIENT_WORKERS]) {
    for (const target of pages) results.push(await measure(env, target, workers));
  }
  // A steady rate is spread over one thread (autocannon applies overallRate per worker).
  const postcode = {
    target: `Postcode lookup, steady ${POSTCODE_RATE}/s`,
    path: "/api/postcodes/SW1A%201AA",
  };
  results.push(await measure(env, { ...postcode, steady: true }, 1));
  return results;
}

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value)}%`);

export function loadMarkdown(results: LoadResult[]): string {
  const table = markdownTable(
    [
      "Target",
      "Path",
      "Size (gzip)",
      "Client threads",
      "req/s",
      "p50",
      "p99",
      "Requests",
      "Errors (timeouts)",
      "Non-2xx",
      "Upstream calls",
      "Server CPU per answer",
      "Server CPU",
      "Client CPU",
      "Server RSS after",
    ],
    results.map((result) => [
      result.target,
      `\`${result.path}\``,
      kib(result.gzipBytes),
      String(result.clientThreads),
      String(result.requestsPerSecond),
      `${result.p50Ms} ms`,
      `${result.p99Ms} ms`,
      String(result.requests),
      `${result.errors} (${result.timeouts})`,
      String(result.non2xx),
      String(result.upstreamCalls),
      result.serverCpuPerRequestUs === null ? "—" : `${Math.round(result.serverCpuPerRequestUs)} µs`,
      percent(result.serverCpuPercent),
      percent(result.clientCpuPercent),
      result.serverRssMiB === null ? "—" : `${result.serverRssMiB} MiB`,
    ]),
  );
  return `autocannon, ${CONNECTIONS} connections for ${DURATION_S} s per target (the postcode lookup: ${POSTCODE_CONNECTIONS} connections at a steady ${POSTCODE_RATE} requests a second), one after another, from the same machine (so client and server share its cores), accepting gzip as browsers do, against \`npm start\` (the front server: pages and JSON kept as rendered, static files precompressed). The ceiling, the pages and the JSON are loaded twice: from one client thread, then from ${CLIENT_WORKERS} worker threads (the connections shared between them), because one thread parsing large answers saturates its core before the server does. **Server CPU** is the server process's CPU time (every thread, from /proc) over the run's wall time, 100% being one core, and per answer; **Client CPU** is autocannon's, the same way: when the client's share nears a core per thread, the client is the limit, not the server. Upstream calls are those the petitions stand-in counted during the run: with the copy fresh, there should be none.\n\n${table}`;
}

export const loadSection: BenchSection = {
  heading: "Load (autocannon)",
  run: async (env) => loadMarkdown(await runLoad(env)),
};
