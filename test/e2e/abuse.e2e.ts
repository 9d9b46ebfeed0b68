import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LiveTable } from "@/lib/api/live-table";
import { expandCodeRuns } from "@/lib/join/packed-rows";
import { rawGet, type Answer } from "@/test/faults/http";
import { FIXTURE_IDS, OPEN_COPIES_FIRST } from "@/test/upstream/fixtures";
import { startStandIn, type StandIn } from "@/test/upstream/server";
import { test } from "./harness";
import { eventually } from "./support/eventually";
import { startApp, type RunningApp } from "./support/processes";

/** The default per-client limits (test apps otherwise have theirs out of reach), against the shared stand-in. */
const DEFAULT_LIMITS = {
  RATE_LIMIT_PER_MINUTE: "120",
  RATE_LIMIT_BURST: "60",
  RATE_LIMIT_COSTLY_PER_MINUTE: "20",
  RATE_LIMIT_COSTLY_BURST: "10",
};

async function withApp<T>(
  standIn: StandIn,
  env: Record<string, string>,
  check: (app: RunningApp) => Promise<T>,
): Promise<T> {
  const app = await startApp({
    env: { PETITIONS_API_BASE: standIn.url, HISTORY_POLLER: "off", ...DEFAULT_LIMITS, ...env },
  });
  try {
    return await check(app);
  } finally {
    await app.close();
  }
}

/** Runs `count` jobs with at most `width` in flight; the results in job order. */
async function inParallel<T>(count: number, width: number, job: (n: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const n = next++;
        results[n] = await job(n);
      }
    }),
  );
  return results;
}

/** Ids the stand-in does not have (it answers 404 for them): each one unknown to the app too. */
const randomId = () => 100_000 + Math.floor(Math.random() * 500_000);
const count = (answers: Answer[], status: number) =>
  answers.filter((answer) => answer.status === status).length;
/** Every route that names a petition and asks upstream for one it does not hold. */
const ROUTES = [
  (id: number) => `/petitions/${id}`,
  (id: number) => `/api/petitions/${id}`,
  (id: number) => `/embed/petitions/${id}?metric=rate`,
  (id: number) => `/petitions/${id}/constituencies.csv`,
  (id: number) => `/og/petitions/${id}/map.png`,
  (id: number) => `/find?petition=${id}`,
];

test("abuse: 2,000 requests for random petitions from one client stay within its allowance upstream; a cached petition stays served, and its stale copy survives", async ({
  standIn,
}) => {
  await withApp(standIn, { PETITIONS_CACHE_FRESH_MS: "3000" }, async (app) => {
    const cachedPage = `/petitions/${FIXTURE_IDS.open2024}`;
    const cachedJson = `/api/petitions/${FIXTURE_IDS.open2024}`;
    for (const path of [cachedPage, cachedJson])
      assert.equal((await rawGet(app.url, path)).status, 200, path);
    standIn.reset();
    const started = Date.now();
    const answers = await inParallel(2000, 16, (n) => {
      if (n % 50 === 0) return rawGet(app.url, n % 100 === 0 ? cachedPage : cachedJson);
      return rawGet(app.url, ROUTES[n % ROUTES.length]!(randomId()));
    });
    const minutes = (Date.now() - started) / 60_000;
    const upstream = standIn.stats().total;
    // The costly tier's burst of 10 and 20 a minute (one more for the refill under way).
    const allowance = 10 + Math.ceil(20 * minutes) + 1;
    assert.ok(upstream <= allowance, `${upstream} upstream calls in ${(minutes * 60).toFixed(1)} s`);
    const flood = answers.filter((_, n) => n % 50 !== 0);
    console.log(
      `  ${flood.length} requests for unknown petitions in ${(minutes * 60).toFixed(1)} s: ` +
        `${count(flood, 429)} refused, ${upstream} upstream calls (allowance ${allowance})`,
    );
    assert.ok(
      count(flood, 429) >= flood.length - 2 * allowance,
      `${count(flood, 429)} of ${flood.length} refused`,
    );
    const page = flood.find(
      (answer) => answer.status === 429 && /text\/html/.test(String(answer.headers["content-type"])),
    );
    assert.ok(page, "pages are refused with a page");
    assert.match(page.body, /<h1>Too many requests<\/h1>/);
    assert.ok(Number(page.headers["retry-after"]) >= 1, "with Retry-After");
    const json = flood.find(
      (answer) => answer.status === 429 && /json/.test(String(answer.headers["content-type"])),
    );
    assert.ok(json, "the API, CSVs and images are refused with JSON");
    assert.match((JSON.parse(json.body) as { error: string }).error, /Too many requests/);
    assert.ok(Number(json.headers["retry-after"]) >= 1);

    const cached = answers.filter((_, n) => n % 50 === 0);
    assert.deepEqual(
      cached.map((answer) => answer.status),
      cached.map(() => 200),
      "the cached petition is served to the same client throughout",
    );
    // Upstream now fails for it: once its copy is past freshness, the copy the flood did not evict is served stale.
    standIn.setMode({ mode: "5xx" }, FIXTURE_IDS.open2024);
    const deadline = Date.now() + 20_000;
    let stale = false;
    while (!stale && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const answer = await rawGet(app.url, cachedJson);
      assert.equal(answer.status, 200, answer.body.slice(0, 200));
      stale = (JSON.parse(answer.body) as { stale: boolean }).stale;
    }
    assert.ok(stale, "the petition's stale copy is served while upstream fails");
  });
});

test("abuse: a spoofed and rotating X-Forwarded-For does not escape the per-client limits, on pages as on the API; a cached page still serves", async ({
  standIn,
}) => {
  await withApp(standIn, {}, async (app) => {
    // Headers a client may send claiming to be someone else; the front server believes none of them.
    const spoofed = (n: number) => ({
      "x-forwarded-for": `198.51.100.${n % 250}, 127.0.0.1`,
      "x-real-ip": `203.0.113.${n % 250}`,
      forwarded: `for=192.0.2.${n % 250}`,
      "x-atlas-client": `client-${n}`,
    });
    standIn.reset();
    // Unknown petitions cost an upstream call each: the costly tier's burst of 10 (and a refill or two) pass.
    const pages = await inParallel(40, 8, (n) => rawGet(app.url, `/petitions/${randomId()}`, spoofed(n)));
    const passed = pages.filter((answer) => answer.status !== 429).length;
    assert.ok(passed >= 10 && passed <= 13, `pages passed: ${passed}`);
    assert.ok(standIn.stats().total <= 13, `${standIn.stats().total} upstream calls`);
    // The same client's API calls, CSVs, images and searches for what we do not hold are refused too.
    for (const path of [
      `/api/petitions/${randomId()}`,
      `/petitions/${randomId()}/constituencies.csv`,
      `/og/petitions/${FIXTURE_IDS.open2024}/map.png?area=E14001063`,
      `/petitions?q=${randomId()}`,
      `/find?q=SW1A%201AA`,
    ]) {
      const answer = await rawGet(app.url, path, spoofed(7));
      assert.equal(answer.status, 429, `${path}: ${answer.status}`);
    }
    // Another address is another client; answers kept by the server serve everyone, this client included.
    assert.equal((await rawGet(app.url, `/petitions/${randomId()}`, {}, "127.0.0.2")).status, 404);
    const cached = await inParallel(100, 10, (n) => rawGet(app.url, "/api/petitions/575833", spoofed(n)));
    assert.equal(count(cached, 200), 100, "a kept answer is never limited");
    assert.equal((await rawGet(app.url, "/api/health", spoofed(9))).status, 200, "health checks pass");
  });
});

/** The app's own count of preview images drawn (each drawing logs the running total), and the most drawn at once. */
function previewRenders(app: RunningApp): { renders: number; mostAtOnce: number } {
  const lines = app
    .log()
    .split("\n")
    .filter((line) => line.includes('"event":"preview-render"'))
    .map((line) => JSON.parse(line) as { renders: number; active: number });
  return {
    renders: Math.max(0, ...lines.map((line) => line.renders)),
    mostAtOnce: Math.max(0, ...lines.map((line) => line.active)),
  };
}

test("abuse: a loop over link-preview images' seats and metrics is bounded: renders counted, a few at a time, kept images served to all", async ({
  standIn,
}) => {
  await withApp(standIn, {}, async (app) => {
    const id = FIXTURE_IDS.open2024;
    // A reader first: the petition is held, so only the drawing itself costs.
    const table = await rawGet(app.url, `/api/petitions/${id}`, {}, "127.0.0.40");
    const seats = expandCodeRuns((JSON.parse(table.body) as LiveTable).packedRows.codes);
    assert.equal(seats.length, 650);
    const image = (n: number) =>
      `/og/petitions/${id}/map.png?area=${seats[n % 650]}&metric=${["count", "share", "rate"][n % 3]}`;

    const started = Date.now();
    const loop = await inParallel(300, 16, (n) => rawGet(app.url, image(n)));
    const minutes = (Date.now() - started) / 60_000;
    const drawn = loop.filter((answer) => answer.status === 200);
    const allowance = 10 + Math.ceil(20 * minutes) + 1;
    const afterLoop = previewRenders(app);
    console.log(
      `  300 distinct images from one client in ${(minutes * 60).toFixed(1)} s: ${drawn.length} drawn, ` +
        `${count(loop, 429)} refused; ${afterLoop.renders} renders in the app's count`,
    );
    // Ten admitted at once fill the two drawing slots and the queue of eight; a refill may find it full (503).
    assert.equal(drawn.length + count(loop, 429) + count(loop, 503), 300);
    assert.ok(drawn.length <= allowance, `${drawn.length} drawn, allowance ${allowance}`);
    assert.equal(afterLoop.renders, drawn.length, "one render per image drawn");
    assert.match(String(drawn[0]?.headers["cache-control"]), /public.*s-maxage=\d+/);
    assert.equal(drawn[0]?.headers["content-type"], "image/png");
    // Kept images are served again to the same, refused client, with no new render.
    const kept = loop.flatMap((answer, n) => (answer.status === 200 ? [image(n)] : []));
    const again = await inParallel(kept.length, 16, (n) => rawGet(app.url, kept[n]!));
    assert.equal(count(again, 200), kept.length, "kept images are served to a refused client");
    assert.equal(previewRenders(app).renders, afterLoop.renders);

    // Twenty clients (twenty socket addresses) asking three new images each at once: two drawn at a time, a
    // short queue, the rest told to come back.
    const crowd = await Promise.all(
      Array.from({ length: 60 }, (_, n) => rawGet(app.url, image(300 + n), {}, `127.0.0.${2 + (n % 20)}`)),
    );
    const busy = crowd.filter((answer) => answer.status === 503);
    const after = previewRenders(app);
    console.log(
      `  60 new images from 20 clients at once: ${count(crowd, 200)} drawn, ${busy.length} busy; ` +
        `at most ${after.mostAtOnce} drawn at once`,
    );
    assert.equal(count(crowd, 200) + busy.length, 60);
    assert.ok(busy.length > 0, "the queue is bounded");
    assert.ok(Number(busy[0]?.headers["retry-after"]) >= 1);
    assert.ok(after.mostAtOnce <= 2, `${after.mostAtOnce} drawn at once`);
    assert.equal(after.renders, afterLoop.renders + count(crowd, 200));

    // A code that is no seat of this petition is sent to the one image without an outline.
    const stray = await rawGet(
      app.url,
      `/og/petitions/${id}/map.png?area=E99999999&metric=rate`,
      {},
      "127.0.0.41",
    );
    assert.equal(stray.status, 308);
    assert.equal(stray.headers.location, `/og/petitions/${id}/map.png?metric=rate`);
  });
});

test("abuse: 1,000 petitions watched by 100 clients do not make the poller follow more than HISTORY_POLL_MAX; the most watched are followed", async () => {
  const standIn = await startStandIn({ openCopies: 1000 });
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-abuse-poller-"));
  const maxTracked = 20;
  try {
    await withApp(
      standIn,
      {
        HISTORY_DIR: dir,
        HISTORY_POLLER: "on",
        HISTORY_POLL_MS: "1000",
        HISTORY_POLL_MAX: String(maxTracked),
        PETITIONS_CACHE_FRESH_MS: "1000",
        // Room upstream for every poll the poller wants: only its own bound holds it back.
        PETITIONS_API_RATE: "500",
        PETITIONS_API_CONCURRENCY: "16",
      },
      async (app) => {
        // A hundred clients (socket addresses) each keep ten petitions' pages open: the pages' live refreshes.
        const client = (n: number) => `127.0.1.${1 + (n % 100)}`;
        const ids = Array.from({ length: 1000 }, (_, n) => OPEN_COPIES_FIRST + n);
        // Eight at a time: each new petition costs the server a fetch and a join, and with sixteen queued at once one
        // view in a thousand failed in a CI run (~100 s for the thousand on two cores).
        const views = await inParallel(1000, 8, (n) =>
          rawGet(app.url, `/api/petitions/${ids[n]}`, {}, client(n)),
        );
        const unshown = views.flatMap((view, n) =>
          view.status === 200 ? [] : [`${ids[n]}: ${view.status} ${view.body.slice(0, 160)}`],
        );
        assert.deepEqual(unshown, [], "every petition was shown");
        // Three of them are watched by thirty clients more each.
        const watched = [ids[7]!, ids[500]!, ids[993]!];
        await inParallel(90, 16, (n) =>
          rawGet(app.url, `/api/petitions/${watched[n % 3]}`, {}, `127.0.2.${1 + Math.floor(n / 3)}`),
        );
        const polledIds = () =>
          new Set(
            standIn
              .requests()
              .map((request) => Number(/^\/petitions\/(\d+)\.json$/.exec(request.url)?.[1]))
              .filter((id) => !Number.isNaN(id)),
          );
        // Nobody reads now: every upstream call is the poller's.
        standIn.reset();
        await eventually(
          () => {
            const polled = polledIds();
            assert.ok(
              watched.every((id) => polled.has(id)),
              `polled so far: ${[...polled].join(", ")}`,
            );
          },
          { timeout: 30_000, interval: 500, what: "the poller follows the most watched petitions" },
        );
        standIn.reset();
        await new Promise((resolve) => setTimeout(resolve, 6_000));
        const polled = polledIds();
        console.log(
          `  1,000 petitions watched: the poller called upstream for ${polled.size} of them in 6 s`,
        );
        assert.ok(polled.size <= maxTracked, `${polled.size} petitions polled`);
        assert.ok(polled.size > watched.length, "it follows up to its bound, not only the three");
        assert.ok(
          watched.every((id) => polled.has(id)),
          "the most watched stay followed",
        );
      },
    );
  } finally {
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
