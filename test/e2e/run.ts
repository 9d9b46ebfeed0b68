/**
 * Browser tests against the built app: starts the petitions stand-in and the app (as `npm start`), then runs every
 * test/e2e/*.e2e.ts test in headless Chromium, one fresh context each. Usage: npm run test:e2e [-- name filter]
 * Prints "✓ name (ms)" / "✗ name: error" and ends with the line "N passed, N failed"; exit code 1 if any failed.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { startStandIn, type StandIn } from "@/test/upstream/server";
import { loadTestFile, registeredTests, RESULTS_DIR, runTest } from "./harness";
import { launchChromium } from "./support/browser";
import { distDir, hasBuild, startApp, type RunningApp } from "./support/processes";

const TEST_TIMEOUT_MS = 120_000;
const SERVER_LOG_TAIL = 4_000;

async function main(): Promise<number> {
  if (!hasBuild()) {
    console.error(
      `No production build in ${distDir()}/. Build first: \`npm run build\` (or NEXT_DIST_DIR=${distDir()} npm run build).`,
    );
    console.log("0 passed, 1 failed");
    return 1;
  }
  const filter = process.argv[2]?.toLowerCase();
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith(".e2e.ts"))
    .sort();
  for (const file of files) await loadTestFile(path.join(__dirname, file));
  const tests = registeredTests().filter((entry) => !filter || entry.name.toLowerCase().includes(filter));

  // Apps started here keep their signature history in a throwaway folder and run no background poller: stand-in
  // petition ids must never mix with a real history, nor poller calls with the upstream calls tests count.
  const ownHistoryDir = process.env.HISTORY_DIR ? null : mkdtempSync(path.join(os.tmpdir(), "e2e-history-"));
  if (ownHistoryDir) process.env.HISTORY_DIR = ownHistoryDir;
  process.env.HISTORY_POLLER ??= "off";
  let standIn: StandIn | undefined;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let passed = 0;
  let failed = 0;
  try {
    standIn = await startStandIn();
    // A short freshness window so live-petition tests see the stand-in's changes quickly; an upstream budget
    // generous enough for the fuzz tests (the abuse tests start an app of their own with the defaults).
    app = await startApp({
      env: {
        PETITIONS_API_BASE: standIn.url,
        PETITIONS_CACHE_FRESH_MS: "2000",
        PETITIONS_API_RATE: "200",
        PETITIONS_API_CONCURRENCY: "16",
      },
    });
    browser = await launchChromium();
    console.log(
      `Running ${tests.length} browser tests against ${app.url} (${distDir()}, Chromium ${browser.version()})`,
    );
    for (const entry of tests) {
      const started = Date.now();
      try {
        await withTimeout(runTest(entry, { browser, appUrl: app.url, standIn }), TEST_TIMEOUT_MS, entry.name);
        passed += 1;
        console.log(`✓ ${entry.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`✗ ${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
        // A server error behind a failure is often only in the server's output: show its latest part.
        console.log(
          `  server output, last ${SERVER_LOG_TAIL} characters:\n${app.log().slice(-SERVER_LOG_TAIL)}`,
        );
      }
    }
    if (failed > 0)
      console.log(`Screenshots of failures are in ${path.relative(process.cwd(), RESULTS_DIR)}/.`);
  } catch (error) {
    failed += 1;
    console.log(`✗ setup: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await app?.close();
    await standIn?.close();
    if (ownHistoryDir) rmSync(ownHistoryDir, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

function withTimeout<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// Ctrl-C or a CI timeout still runs the exit hook that kills the app server.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
