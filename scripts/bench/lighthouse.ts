/**
 * Lighthouse 12 on the seed page and a live petition page (served from the petitions stand-in), with its mobile
 * and desktop presets, in the system Chromium with SwiftShader WebGL. Its performance score uses Lighthouse's
 * simulated throttling (Lantern), so it is a model of a slower device built from this machine's trace.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Result } from "lighthouse";
import { median } from "simple-statistics";
import { repoRoot } from "@/scripts/data/paths";
import { CHROMIUM_FLAGS, chromiumPath } from "@/test/e2e/support/browser";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { markdownTable, ms } from "./report";
import type { BenchEnv, BenchSection } from "./section";

export const LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface LighthouseScores {
  /** 0–100, as Lighthouse reports them. */
  scores: Record<Category, number>;
  totalBlockingTime: number;
  largestContentfulPaint: number;
}

/** Lighthouse's command-line flags per preset: mobile is its default. */
const PRESETS = { mobile: [], desktop: ["--preset=desktop"] } satisfies Record<string, string[]>;
export type Preset = keyof typeof PRESETS;

const LIGHTHOUSE_CLI = path.join(repoRoot, "node_modules", "lighthouse", "cli", "index.js");
const LIGHTHOUSE_FLAGS = ["--headless=new", ...CHROMIUM_FLAGS];

/** The scores and the two timings the issue tracks, from a Lighthouse result. */
export function readScores(lhr: Result): LighthouseScores {
  const scores = Object.fromEntries(
    LIGHTHOUSE_CATEGORIES.map((category) => {
      const score = lhr.categories[category]?.score;
      if (score == null) throw new Error(`Lighthouse reported no ${category} score`);
      return [category, Math.round(score * 100)];
    }),
  ) as Record<Category, number>;
  const numeric = (audit: string) => {
    const value = lhr.audits[audit]?.numericValue;
    if (value === undefined) throw new Error(`Lighthouse reported no ${audit}`);
    return value;
  };
  return {
    scores,
    totalBlockingTime: numeric("total-blocking-time"),
    largestContentfulPaint: numeric("largest-contentful-paint"),
  };
}

/**
 * One Lighthouse run of `url` with a preset, in a Chromium of its own. Lighthouse runs in plain Node: it sends its
 * functions' source text to the page, which the TypeScript loader would rewrite into calls the page lacks.
 */
/** Lighthouse could not trace the page (NO_NAVSTART and the like): the run measured nothing and may be taken again. */
class LighthouseRunError extends Error {}

/** How many times a run Lighthouse could not trace is taken again before the bench gives up. */
const RETRIES = 2;

/** A run, taken again when Lighthouse itself failed to trace it; the bench says so. */
async function measuredRun(url: string, preset: Preset): Promise<LighthouseScores> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runLighthouse(url, preset);
    } catch (error) {
      if (!(error instanceof LighthouseRunError) || attempt >= RETRIES) throw error;
      console.log(`${error.message}; taking the run again`);
    }
  }
}

async function runLighthouse(url: string, preset: Preset): Promise<LighthouseScores> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      url,
      ...PRESETS[preset],
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      `--only-categories=${LIGHTHOUSE_CATEGORIES.join(",")}`,
      `--chrome-flags=${LIGHTHOUSE_FLAGS.join(" ")}`,
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath(), NODE_OPTIONS: "" }, maxBuffer: 256 * 2 ** 20 },
  );
  const lhr = JSON.parse(stdout) as Result;
  if (lhr.runtimeError)
    throw new LighthouseRunError(
      `Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`,
    );
  return readScores(lhr);
}

const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS) || 3);

/** Medians over runs, taken in turn across pages and presets. */
export function lighthouseMarkdown(
  results: { page: string; preset: Preset; runs: LighthouseScores[] }[],
): string {
  const middle = (values: number[]) => (values.length === 0 ? Number.NaN : median(values));
  const table = markdownTable(
    [
      "Page",
      "Preset",
      "Runs",
      "Performance",
      "Accessibility",
      "Best practices",
      "SEO",
      "TBT",
      "LCP",
      "Performance (range)",
    ],
    results.map(({ page, preset, runs }) => {
      const score = (category: Category) => middle(runs.map((run) => run.scores[category]));
      const performance = runs.map((run) => run.scores.performance);
      return [
        page,
        preset,
        runs.length,
        score("performance"),
        score("accessibility"),
        score("best-practices"),
        score("seo"),
        ms(middle(runs.map((run) => run.totalBlockingTime))),
        ms(middle(runs.map((run) => run.largestContentfulPaint))),
        `${Math.min(...performance)}–${Math.max(...performance)}`,
      ];
    }),
  );
  return [
    `Lighthouse 12.2.3 (\`npm run bench -- lighthouse\`) in the system Chromium (headless, SwiftShader WebGL), each run in a fresh browser, the pages and presets taken in turn. **mobile** is Lighthouse's default (a mid-range phone: simulated 4× CPU slowdown and a slow 4G network, 412×823); **desktop** its desktop preset (simulated 1× CPU, 1,350×940). Performance, TBT (total blocking time) and LCP (largest contentful paint) come from Lighthouse's simulation over this machine's trace, so they move with the machine's load. Medians of ${RUNS} runs.`,
    table,
  ].join("\n\n");
}

export const lighthouseSection: BenchSection = {
  heading: "Lighthouse",
  async run(env: BenchEnv) {
    const pages = [
      { label: "Seed `/`", path: "/" },
      {
        label: `Live petition \`/petitions/${FIXTURE_IDS.open2024}\``,
        path: `/petitions/${FIXTURE_IDS.open2024}`,
      },
    ];
    const results = pages.flatMap(({ label, path }) =>
      (Object.keys(PRESETS) as Preset[]).map((preset) => ({
        page: label,
        path,
        preset,
        runs: [] as LighthouseScores[],
      })),
    );
    console.log(
      `Lighthouse: ${pages.length} pages × ${results.length / pages.length} presets × ${RUNS}, in turn`,
    );
    for (let run = 0; run < RUNS; run++) {
      for (const result of results) {
        result.runs.push(await measuredRun(new URL(result.path, env.appUrl).href, result.preset));
      }
    }
    return lighthouseMarkdown(results);
  },
};
