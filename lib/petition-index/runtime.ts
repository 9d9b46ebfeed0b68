import "server-only";
/**
 * The petitions index in a running server or `npm run index`: the index shares the history's database (SQLite in
 * HISTORY_DIR, or DATABASE_URL), the crawler goes through lib/petitions' client, paced at PETITIONS_INDEX_RATE
 * requests a second (default 2). PETITIONS_INDEX=on makes a server crawl in the background, a pass every
 * PETITIONS_INDEX_EVERY_MS (default 6 hours); it is off by default.
 */
import { historyStore } from "@/lib/history/runtime";
import { fetchArchivedPetitionList, fetchPetition, fetchPetitionList } from "@/lib/petitions/client";
import { crawlOnce, type CrawlReport, type CrawlSource } from "./crawler";
import { createPacer, indexRateFromEnv } from "./pacer";
import { SeatMatrix } from "./seat-matrix";
import { PetitionIndex } from "./store";

/** The index's share of the upstream budget, after readers and the poller. */
const AS_INDEX = { priority: "index", log: { source: "index" } } as const;

/** lib/petitions' client as the crawler's upstream. */
export const upstreamSource: CrawlSource = {
  currentList: (page) => fetchPetitionList({ state: "all", q: "", page }, AS_INDEX),
  archivedList: (parliament, page) => fetchArchivedPetitionList(parliament, page, AS_INDEX),
  petition: (id, archived) => fetchPetition(id, { ...AS_INDEX, archived }),
};

export async function petitionIndex(): Promise<PetitionIndex> {
  return new PetitionIndex((await historyStore()).sql);
}

const processWide = globalThis as typeof globalThis & {
  __petitionAtlasIndexer?: NodeJS.Timeout | true;
  __petitionAtlasSeatMatrix?: SeatMatrix;
};

/** The process's seat matrix, brought up to date with the index. */
export async function seatMatrix(): Promise<SeatMatrix> {
  const matrix = (processWide.__petitionAtlasSeatMatrix ??= new SeatMatrix());
  await matrix.refresh(await petitionIndex());
  return matrix;
}

function log(fields: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({ event: "index", ...fields }) + "\n");
}

/** One crawl pass against PETITIONS_API_BASE. */
export async function indexOnce(): Promise<CrawlReport> {
  const started = Date.now();
  const report = await crawlOnce({
    index: await petitionIndex(),
    source: upstreamSource,
    pace: createPacer(indexRateFromEnv()),
    log,
  });
  log({ outcome: "pass", durationMs: Date.now() - started, ...report });
  return report;
}

function everyMs(): number {
  const configured = Number(process.env.PETITIONS_INDEX_EVERY_MS);
  return Number.isFinite(configured) && configured >= 60_000 ? configured : 6 * 3600_000;
}

/** Starts background passes when PETITIONS_INDEX=on (once per process); a failed pass is logged and retried later. */
export function startIndexer(): void {
  if (process.env.PETITIONS_INDEX !== "on" || processWide.__petitionAtlasIndexer) return;
  processWide.__petitionAtlasIndexer = true;
  const run = () => {
    indexOnce()
      .catch((error: unknown) => log({ outcome: "pass-error", error: String(error) }))
      .finally(() => {
        // Unref'd: a server shutting down does not wait for the next pass.
        processWide.__petitionAtlasIndexer = setTimeout(run, everyMs()).unref();
      });
  };
  run();
}
