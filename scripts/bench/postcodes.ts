/**
 * Postcode index: load time, in-process lookup latency over 100,000 random postcodes, size on disk, memory, and
 * how well point-in-polygon (the 2024 method) does on the 2010 set against ONSPD, as the build measured it.
 * Runnable alone: `NODE_OPTIONS=--expose-gc npx tsx scripts/bench/postcodes.ts` (without the flag RSS includes garbage).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { quantile } from "simple-statistics";
import { decodeIndex } from "@/lib/postcodes/codec";
import { loadPostcodeIndex, readPostcodeIndex } from "@/lib/postcodes/load";
import { lookupPostcode } from "@/lib/postcodes/lookup";
import { INDEX_DIR, META_FILE, type PostcodeIndexMeta } from "@/lib/postcodes/meta";
import { repoRoot } from "@/scripts/data/paths";
import { seededRandom } from "@/lib/seeded-random";
import { markdownTable } from "./report";
import type { BenchSection } from "./section";

const LOOKUPS = 100_000;
const LOADS = 5;

export interface PostcodeBench {
  firstLoadMs: number;
  medianLoadMs: number;
  lookupP50Us: number;
  lookupP99Us: number;
  lookupMaxUs: number;
  indexBytes: number;
  metaBytes: number;
  rssMiB: number;
  /** RSS growth from loading the index (the same process, before and after the first load). */
  rssGrowthMiB: number;
  arrayBuffersMiB: number;
  meta: PostcodeIndexMeta;
}

const indexDir = path.join(repoRoot, INDEX_DIR);
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Every indexed postcode in normal form ("SW1A 1AA"), rebuilt from the index's sectors and units. */
function indexedPostcodes(meta: PostcodeIndexMeta): string[] {
  const data = decodeIndex(gunzipSync(readFileSync(path.join(indexDir, meta.file))));
  const postcodes: string[] = [];
  data.sectors.forEach((sector, s) => {
    const spaced = `${sector.slice(0, -1)} ${sector.slice(-1)}`;
    for (let row = data.sectorStart[s]!; row < data.sectorStart[s + 1]!; row++) {
      const unit = data.unit[row]!;
      postcodes.push(spaced + String.fromCharCode(65 + Math.floor(unit / 26), 65 + (unit % 26)));
    }
  });
  return postcodes;
}

async function timeLookups(postcodes: string[]) {
  const random = seededRandom(1);
  const picks = Array.from({ length: LOOKUPS }, () => postcodes[Math.floor(random() * postcodes.length)]!);
  for (const postcode of picks.slice(0, 1000)) await lookupPostcode(postcode);
  const micros: number[] = [];
  for (const postcode of picks) {
    const started = performance.now();
    const result = await lookupPostcode(postcode);
    micros.push((performance.now() - started) * 1000);
    if (result.kind !== "found") throw new Error(`${postcode} was not found`);
  }
  micros.sort((a, b) => a - b);
  return { p50: quantile(micros, 0.5), p99: quantile(micros, 0.99), max: micros[micros.length - 1]! };
}

/** With --expose-gc, frees the load's garbage (zlib's buffers go only after a few cycles) so RSS shows what stays. */
async function settleGarbage(): Promise<void> {
  const { gc } = globalThis as { gc?: () => void };
  for (let cycle = 0; gc && cycle < 3; cycle++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function benchPostcodes(): Promise<PostcodeBench> {
  // Earlier sections' garbage would otherwise be collected during the load and show as negative growth.
  await settleGarbage();
  const rssBefore = process.memoryUsage().rss;
  let started = performance.now();
  const { meta } = await loadPostcodeIndex();
  const loads = [performance.now() - started];
  await settleGarbage();
  const memory = process.memoryUsage();
  for (let i = 1; i < LOADS; i++) {
    started = performance.now();
    await readPostcodeIndex();
    loads.push(performance.now() - started);
  }
  const lookups = await timeLookups(indexedPostcodes(meta));
  return {
    firstLoadMs: loads[0]!,
    medianLoadMs: quantile(loads, 0.5),
    lookupP50Us: lookups.p50,
    lookupP99Us: lookups.p99,
    lookupMaxUs: lookups.max,
    indexBytes: statSync(path.join(indexDir, meta.file)).size,
    metaBytes: statSync(path.join(indexDir, META_FILE)).size,
    rssMiB: mib(memory.rss),
    rssGrowthMiB: mib(memory.rss - rssBefore),
    arrayBuffersMiB: mib(memory.arrayBuffers),
    meta,
  };
}

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(2)}%`;

export function postcodeBenchMarkdown(bench: PostcodeBench): string {
  const { counts, pointInPolygon2010VsOnspd: check } = bench.meta;
  const { disagreementMetres: metres, nearBoundary: near } = check;
  const rows: (string | number)[][] = [
    [
      "Index load (gunzip + decode), first / median of 5",
      `${bench.firstLoadMs.toFixed(0)} / ${bench.medianLoadMs.toFixed(0)} ms`,
    ],
    [
      `Lookup in process, p50 / p99 / max (${LOOKUPS.toLocaleString("en-GB")} random postcodes)`,
      `${bench.lookupP50Us.toFixed(1)} / ${bench.lookupP99Us.toFixed(1)} / ${bench.lookupMaxUs.toFixed(0)} µs`,
    ],
    [
      "Index on disk (gzip + meta JSON)",
      `${mib(bench.indexBytes)} MiB + ${(bench.metaBytes / 1024).toFixed(1)} KiB`,
    ],
    [
      "Process RSS with the index loaded (growth from loading; typed arrays)",
      `${bench.rssMiB} MiB (${bench.rssGrowthMiB >= 0 ? "+" : ""}${bench.rssGrowthMiB}; ${bench.arrayBuffersMiB} MiB)`,
    ],
    ["Postcodes indexed", counts.indexed.toLocaleString("en-GB")],
    [
      "2010 seats estimated by point-in-polygon (postcodes newer than ONSPD Feb 2021)",
      counts.seat2010FromPointInPolygon.toLocaleString("en-GB"),
    ],
    [
      `2024 answers near another seat (≤ ${bench.meta.nearBoundaryMetres} m)`,
      `${counts.nearBoundary2024.toLocaleString("en-GB")} (${percent(counts.nearBoundary2024, counts.indexed)})`,
    ],
    ["2024 answers outside every polygon (nearest seat)", counts.outsideAll2024.toLocaleString("en-GB")],
    [
      "Point-in-polygon vs ONSPD, 2010 set, all postcodes",
      `${check.all.percent}% of ${check.all.compared.toLocaleString("en-GB")}`,
    ],
    [
      "… wrong answers' distance to their ONSPD seat, p50 / p90 / p95 / p99",
      `${metres.p50} / ${metres.p90} / ${metres.p95} / ${metres.p99} m`,
    ],
    [
      "Point-in-polygon vs ONSPD, 2010 set, fixed sample",
      `${check.sample.percent}% of ${check.sample.compared.toLocaleString("en-GB")}`,
    ],
    [
      `… sample flagged near a boundary (≤ ${bench.meta.nearBoundaryMetres} m)`,
      percent(near.flagged, near.compared),
    ],
    ["… right among those not flagged", `${near.agreementAwayPercent}%`],
    [
      "… wrong answers whose ONSPD seat was offered as a neighbour",
      `${near.wrongOffered} of ${near.wrong} (${percent(near.wrongOffered, near.wrong)})`,
    ],
  ];
  return markdownTable(["Postcode index", "Value"], rows);
}

/** For scripts/bench/run.ts: needs no server or browser. */
export const postcodesSection: BenchSection = {
  heading: "Postcode lookup (in process)",
  run: async () => postcodeBenchMarkdown(await benchPostcodes()),
};

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  benchPostcodes()
    .then((bench) => console.log(postcodeBenchMarkdown(bench)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
