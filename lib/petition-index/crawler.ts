/**
 * One pass of the petitions index: walks the current list and each earlier parliament's archive (1, 2, … until the
 * site answers 404), and fetches a petition's own JSON only when the index lacks it or it may have changed: open
 * petitions whose list row moved, nothing for closed or rejected ones already held. Every request waits for the
 * pacer. Each petition is saved on its own, so a pass killed midway loses nothing and the next one carries on.
 */
import { isPetitionError } from "@/lib/petitions/errors";
import type { Petition, PetitionListPage, PetitionSummary } from "@/lib/petitions/types";
import type { Pacer } from "./pacer";
import type { IndexedSummary, PetitionIndex } from "./store";

/** The upstream calls a pass makes (lib/petitions' client in the app; fakes in unit tests). */
export interface CrawlSource {
  currentList(page: number): Promise<PetitionListPage>;
  /** Throws a not-found PetitionError for a parliament the site does not have. */
  archivedList(parliament: number, page: number): Promise<PetitionListPage>;
  petition(id: number, archived: boolean): Promise<Petition>;
}

export interface CrawlReport {
  listPages: number;
  listed: number;
  fetched: number;
  unchanged: number;
  failed: number;
  /** Earlier parliaments walked this pass, and those skipped as already complete. */
  parliaments: number[];
  skippedParliaments: number[];
  /** False when a list could not be read to its end: the next pass picks up what this one missed. */
  complete: boolean;
}

export interface CrawlOptions {
  index: PetitionIndex;
  source: CrawlSource;
  pace: Pacer;
  now?: () => number;
  log?: (fields: Record<string, unknown>) => void;
  /** Stops walking archives after this parliament (a guard against a site that never answers 404). */
  maxParliament?: number;
}

/** Whether a listed petition needs its own JSON fetched, given what the index holds for it. */
export function needsFetch(held: IndexedSummary | undefined, listed: PetitionSummary): boolean {
  if (!held) return true;
  if (held.archived !== listed.archived || held.state !== listed.state) return true;
  // Closed and rejected petitions are fetched once.
  if (held.state !== "open") return false;
  return held.signatureCount !== listed.signatureCount || held.updatedAt !== listed.updatedAt;
}

export async function crawlOnce(options: CrawlOptions): Promise<CrawlReport> {
  const { index, source, pace } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const held = await index.summaries();
  const report: CrawlReport = {
    listPages: 0,
    listed: 0,
    fetched: 0,
    unchanged: 0,
    failed: 0,
    parliaments: [],
    skippedParliaments: [],
    complete: true,
  };

  /** Walks one list to its last page (following links.next); false when a page could not be read. */
  async function walk(readPage: (page: number) => Promise<PetitionListPage>, archived: boolean) {
    let page: number | null = 1;
    const seen = new Set<number>();
    while (page !== null) {
      const current = page;
      const list: PetitionListPage = await pace(() => readPage(current));
      report.listPages += 1;
      for (const item of list.items) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        report.listed += 1;
        if (!needsFetch(held.get(item.id), item)) {
          report.unchanged += 1;
          continue;
        }
        try {
          const petition = await pace(() => source.petition(item.id, archived || item.archived));
          await index.save(petition, now());
          const { state, archived: isArchived, signatureCount, updatedAt } = petition;
          held.set(item.id, { state, archived: isArchived, signatureCount, updatedAt });
          report.fetched += 1;
        } catch (error) {
          if (!isPetitionError(error)) throw error; // a database failure ends the pass
          report.failed += 1;
          log({ petition: item.id, outcome: "failed", error: error.message });
        }
      }
      // A next page that does not move forward would loop for ever.
      page = list.nextPage !== null && list.nextPage > page ? list.nextPage : null;
    }
    return seen.size;
  }

  try {
    await walk((page) => source.currentList(page), false);
  } catch (error) {
    if (!isPetitionError(error)) throw error;
    report.complete = false;
    log({ list: "current", outcome: "failed", error: error.message });
  }

  const completed = await index.completedParliaments();
  const newestCompleted = Math.max(0, ...completed);
  for (let parliament = 1; parliament <= (options.maxParliament ?? 100); parliament += 1) {
    // The newest archive may still be filling after a dissolution; older ones never change.
    if (completed.has(parliament) && parliament < newestCompleted) {
      report.skippedParliaments.push(parliament);
      continue;
    }
    const failedBefore = report.failed;
    try {
      const petitions = await walk((page) => source.archivedList(parliament, page), true);
      report.parliaments.push(parliament);
      if (report.failed === failedBefore) await index.completeParliament(parliament, petitions, now());
    } catch (error) {
      if (!isPetitionError(error)) throw error;
      if (error.kind === "not-found") break;
      report.complete = false;
      log({ list: `parliament ${parliament}`, outcome: "failed", error: error.message });
      break;
    }
  }
  if (report.failed > 0) report.complete = false;
  return report;
}
