import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/lib/history/sqlite-sql";
import { HistoryStore } from "@/lib/history/store";
import { expectedRows, indexRows } from "@/test/index/expected";
import { CORPUS, CORPUS_SIZE } from "@/test/upstream/corpus";
import { captureUpstreamLog } from "@/test/upstream/helpers";
import { startStandIn, type StandIn } from "@/test/upstream/server";
import { crawlOnce, needsFetch, type CrawlSource } from "./crawler";
import { createPacer } from "./pacer";
import { upstreamSource } from "./runtime";
import { PetitionIndex } from "./store";

let standIn: StandIn;
let quiet: ReturnType<typeof captureUpstreamLog>;
const dirs: string[] = [];

beforeAll(async () => {
  standIn = await startStandIn({ corpus: true });
  process.env.PETITIONS_API_BASE = standIn.url;
  // Read when this process's upstream budget is first used: the index's share of the default 5 a second would
  // make a full crawl of the corpus take minutes (budget.test.ts checks the shares).
  process.env.PETITIONS_API_RATE = "2000";
  // On a loaded CI machine a 5 s timeout fails fetches at random, and these tests count every fetch.
  process.env.PETITIONS_API_TIMEOUT_MS = "60000";
  quiet = captureUpstreamLog();
});
afterEach(() => standIn.reset());
afterAll(async () => {
  quiet.restore();
  delete process.env.PETITIONS_API_BASE;
  delete process.env.PETITIONS_API_RATE;
  delete process.env.PETITIONS_API_TIMEOUT_MS;
  await standIn.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function freshIndex() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "index-"));
  dirs.push(dir);
  const store = await HistoryStore.open(openSqlite(dir));
  return { index: new PetitionIndex(store.sql), sql: store.sql };
}

/**
 * The stand-in through lib/petitions, counting the petitions fetched; the `killAt`th petition request throws as a
 * killed process would stop.
 */
function countingSource(killAt = Infinity) {
  const fetched: number[] = [];
  let calls = 0;
  const source: CrawlSource = {
    ...upstreamSource,
    petition: async (id, archived) => {
      calls += 1;
      if (calls >= killAt) throw new Error("killed");
      const petition = await upstreamSource.petition(id, archived);
      fetched.push(id);
      return petition;
    },
  };
  return { source, fetched };
}

const crawl = (index: PetitionIndex, source: CrawlSource) =>
  crawlOnce({ index, source, pace: createPacer(1000) });

describe("crawlOnce against the stand-in's corpus", () => {
  // One full crawl, then later passes over the same index (a full crawl of ~300 petitions takes seconds).
  let crawled: Awaited<ReturnType<typeof freshIndex>>;

  it("indexes every listed petition once, rejected ones without seats", async () => {
    crawled = await freshIndex();
    const { source, fetched } = countingSource();
    const report = await crawl(crawled.index, source);
    const listed = standIn.listed();
    expect(listed.length).toBeGreaterThan(CORPUS_SIZE);
    expect(report).toMatchObject({ complete: true, failed: 0, parliaments: [1, 2, 3] });
    expect(fetched.toSorted()).toEqual(listed.map((doc) => doc.data.id).toSorted());
    const rows = await indexRows(crawled.sql);
    expect(rows).toEqual(expectedRows(listed));
    const rejected = rows.find((row) => row.id === CORPUS.currentFirst + 3);
    expect(rejected).toMatchObject({ seats: null, inSeats: 0, boundarySet: "2024" });
    expect(rows.find((row) => row.id === CORPUS.archivedFirst)?.boundarySet).toBe("2010");
    // Archived petitions are asked for at their archived address: no redirects.
    expect(standIn.stats().byPath[`/petitions/${CORPUS.archivedFirst}.json`]).toBeUndefined();
    expect(standIn.stats().byPath[`/archived/petitions/${CORPUS.archivedFirst}.json`]).toBe(1);
  }, 60_000);

  it("on a second pass fetches only the open petitions that moved, and skips finished archives", async () => {
    const moved = [CORPUS.currentFirst, CORPUS.currentFirst + 8];
    for (const id of moved) standIn.bump(id, 5);
    standIn.reset();
    const second = countingSource();
    const report = await crawl(crawled.index, second.source);
    expect({ fetched: second.fetched.toSorted(), report }).toMatchObject({ fetched: moved });
    expect(report).toMatchObject({ fetched: 2, skippedParliaments: [1, 2], parliaments: [3] });
    const archiveLists = standIn.requests().filter((r) => r.url.startsWith("/archived/petitions.json"));
    expect(archiveLists.map((r) => new URL(r.url, standIn.url).searchParams.get("parliament"))).toEqual([
      "3",
      "4",
    ]);
    expect(await indexRows(crawled.sql)).toEqual(expectedRows(standIn.listed()));
  }, 60_000);

  it("after a kill mid-crawl, the next passes fetch only what is missing and end with exactly the corpus", async () => {
    const { index, sql } = await freshIndex();
    const killed = countingSource(120);
    await expect(crawl(index, killed.source)).rejects.toThrow("killed");
    const partial = await indexRows(sql);
    expect(partial.map((row) => row.id)).toEqual(killed.fetched.toSorted((a, b) => a - b));

    // The rerun meets an upstream failure too: it records everything else and says it is incomplete.
    const failing = CORPUS.archivedFirst + CORPUS.perParliament * 2 + 1;
    standIn.setMode({ mode: "5xx" }, failing);
    const rerun = countingSource();
    expect(await crawl(index, rerun.source)).toMatchObject({ complete: false, failed: 1 });
    standIn.reset();
    const last = countingSource();
    expect((await crawl(index, last.source)).complete).toBe(true);
    expect(last.fetched).toEqual([failing]);

    const all = standIn.listed().map((doc) => doc.data.id);
    // Nothing saved before the kill is fetched again, nothing is missed, nothing is held twice.
    expect(rerun.fetched.filter((id) => killed.fetched.includes(id))).toEqual([]);
    expect([...killed.fetched, ...rerun.fetched, ...last.fetched].toSorted()).toEqual(all.toSorted());
    expect(await indexRows(sql)).toEqual(expectedRows(standIn.listed()));
  }, 60_000);
});

describe("needsFetch", () => {
  const listed = {
    id: 1,
    action: "A",
    state: "open" as const,
    archived: false,
    signatureCount: 10,
    openedAt: null,
    closedAt: null,
    updatedAt: "2026-01-01T00:00:00Z",
    url: "",
  };
  const held = { state: "open" as const, archived: false, signatureCount: 10, updatedAt: listed.updatedAt };

  it("fetches what the index lacks, and open petitions whose list row moved", () => {
    expect(needsFetch(undefined, listed)).toBe(true);
    expect(needsFetch(held, listed)).toBe(false);
    expect(needsFetch(held, { ...listed, signatureCount: 11 })).toBe(true);
    expect(needsFetch(held, { ...listed, updatedAt: "2026-01-02T00:00:00Z" })).toBe(true);
  });

  it("fetches a closed petition once, and again only when it changes state or moves to the archive", () => {
    const closed = { ...held, state: "closed" as const };
    expect(needsFetch(closed, { ...listed, state: "closed", signatureCount: 9 })).toBe(false);
    expect(needsFetch(held, { ...listed, state: "closed" })).toBe(true);
    expect(needsFetch(closed, { ...listed, state: "closed", archived: true })).toBe(true);
  });
});
