/**
 * npm run bench [-- section filter]: starts the petitions stand-in and the built app (building into .next-bench if
 * there is no build), runs each bench section, prints its markdown and writes it into docs/BENCHMARKS.md.
 * Add a bench by appending its BenchSection to SECTIONS.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { repoRoot } from "@/scripts/data/paths";
import { launchChromium } from "@/test/e2e/support/browser";
import { distDir, hasBuild, startApp, type RunningApp } from "@/test/e2e/support/processes";
import { startStandIn, type StandIn } from "@/test/upstream/server";
import { boundaryDistanceSection } from "./boundary-distance";
import { geometrySection } from "./geometry";
import { handoverSection } from "./handover";
import { historySection } from "./history";
import { lighthouseSection } from "./lighthouse";
import { linksSection } from "./links";
import { loadSection } from "./load";
import { mapLoadSection } from "./navigation";
import { postcodesSection } from "./postcodes";
import { seatPagesSection } from "./seat-pages";
import { selectionSection } from "./selection";
import { writeSection } from "./report";
import type { BenchEnv, BenchSection } from "./section";

const SECTIONS: BenchSection[] = [
  mapLoadSection,
  handoverSection,
  selectionSection,
  lighthouseSection,
  loadSection,
  linksSection,
  postcodesSection,
  historySection,
  seatPagesSection,
  geometrySection,
  boundaryDistanceSection,
];

const BENCH_DIST_DIR = ".next-bench";

/** The dist dir to serve: the existing build, else a fresh one in .next-bench (never touching .next). */
function ensureBuild(): string {
  if (hasBuild()) return distDir();
  if (hasBuild(BENCH_DIST_DIR)) return BENCH_DIST_DIR;
  console.log(`No build in ${distDir()}/: building into ${BENCH_DIST_DIR}/`);
  const tsconfig = path.join(repoRoot, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  const build = spawnSync("npm", ["run", "build"], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  });
  // next build adds its dist dir to tsconfig.json's include; a bench must not change tracked files.
  if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
  return BENCH_DIST_DIR;
}

/** The 1-minute load average, flagged when other work was competing for the cores. */
function loadNote(cores: number): string {
  const load = os.loadavg()[0] ?? 0;
  const busy =
    load > cores
      ? " (busy: other processes shared the cores, so times are longer than on an idle machine)"
      : "";
  return `load average ${load.toFixed(2)} at the end${busy}`;
}

function machine(chromiumVersion: string | null): string {
  let cores = String(os.availableParallelism());
  try {
    cores = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    // nproc is missing outside Linux; Node's count is the same idea.
  }
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  return [
    `nproc ${cores} (${cpu})`,
    memory,
    `Node ${process.version}`,
    loadNote(Number(cores)),
    ...(chromiumVersion ? [`Chromium ${chromiumVersion}`] : []),
  ].join(", ");
}

async function main(): Promise<void> {
  const filter = process.argv[2]?.toLowerCase();
  const sections = SECTIONS.filter((section) => !filter || section.heading.toLowerCase().includes(filter));
  const dir = ensureBuild();
  let standIn: StandIn | undefined;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const historyDir = mkdtempSync(path.join(os.tmpdir(), "bench-app-history-"));
  try {
    standIn = await startStandIn();
    // Petitions stay fresh in the server's cache for the whole bench, so timings exclude the upstream fetch.
    app = await startApp({
      dir,
      // The stand-in's petition ids must not land in a real signature history.
      env: {
        PETITIONS_API_BASE: standIn.url,
        PETITIONS_CACHE_FRESH_MS: "3600000",
        HISTORY_DIR: historyDir,
        HISTORY_POLLER: "off",
      },
    });
    const env: BenchEnv = {
      appUrl: app.url,
      appPid: app.pid,
      standIn,
      browser: async () => (browser ??= await launchChromium()),
    };
    for (const section of sections) {
      const body = await section.run(env);
      const date = new Date().toISOString().slice(0, 10);
      const provenance = `Measured ${date} with \`npm run bench\` against \`npm start\` (production build). Machine: ${machine(browser?.version() ?? null)}.`;
      const markdown = `${provenance}\n\n${body}`;
      console.log(`\n## ${section.heading}\n\n${markdown}\n`);
      await writeSection(section.heading, markdown);
    }
    console.log(
      `Wrote ${sections.map((section) => `"${section.heading}"`).join(", ")} to docs/BENCHMARKS.md`,
    );
  } finally {
    await browser?.close().catch(() => undefined);
    await app?.close();
    await standIn?.close();
    rmSync(historyDir, { recursive: true, force: true });
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
