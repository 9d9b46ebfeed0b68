import "server-only";
/**
 * The signature history in a running server (or `npm run poller`): one store per process, snapshots recorded from
 * every upstream fetch, and the poller. State lives on globalThis because instrumentation, proxy and pages are
 * bundled apart but share one process.
 *
 * Environment: DATABASE_URL (PostgreSQL; else SQLite in HISTORY_DIR, default .data), HISTORY_POLLER=off (no
 * in-process poller), HISTORY_TRACK=id,id (always poll these while open), HISTORY_POLL_MS (default 60000),
 * HISTORY_POLL_MAX (petitions followed at most, default 200), HISTORY_POLL_CONCURRENCY (polls at once, default 4).
 */
import path from "node:path";
import { getPetition, type PetitionLoad } from "@/lib/petitions";
import { onPetitionFetched } from "@/lib/petitions/fetch-observers";
import { gainsSince, MOMENTUM_WINDOWS, type Momentum } from "./momentum";
import { DEFAULT_MAX_TRACKED, Poller } from "./poller";
import { openPostgres } from "./postgres-sql";
import { openSqlite } from "./sqlite-sql";
import { HistoryStore } from "./store";
import { recentViewers } from "./viewers";

interface HistoryRuntime {
  store?: Promise<HistoryStore>;
  recording?: () => void;
  poller?: Poller;
  timers: ReturnType<typeof setInterval>[];
}

const processWide = globalThis as typeof globalThis & { __petitionAtlasHistory?: HistoryRuntime };
function runtime(): HistoryRuntime {
  processWide.__petitionAtlasHistory ??= { timers: [] };
  return processWide.__petitionAtlasHistory;
}

const HOUR_MS = 3_600_000;

function log(fields: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({ event: "history", ...fields }) + "\n");
}

export function historyLocation(): string {
  return process.env.DATABASE_URL
    ? "postgres"
    : path.resolve(/*turbopackIgnore: true*/ process.env.HISTORY_DIR ?? ".data");
}

/** The process's store, opened (and migrated) on first use. */
export function historyStore(): Promise<HistoryStore> {
  const state = runtime();
  state.store ??= HistoryStore.open(
    process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL) : openSqlite(historyLocation()),
  ).catch((error: unknown) => {
    state.store = undefined; // try again on the next use
    throw error;
  });
  return state.store;
}

export function trackedFromEnv(raw = process.env.HISTORY_TRACK ?? ""): number[] {
  return raw
    .split(",")
    .map((part) => Number(part.trim()))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}

function envAtLeast(name: string, least: number, fallback: number): number {
  const configured = Number(process.env[name]);
  return Number.isSafeInteger(configured) && configured >= least ? configured : fallback;
}

const pollIntervalMs = () => envAtLeast("HISTORY_POLL_MS", 1000, 60_000);

/** Runs `job` every `ms`, never keeping the process alive for it, and logs what it throws. */
function every(ms: number, what: string, job: () => Promise<unknown>): ReturnType<typeof setInterval> {
  const timer = setInterval(() => {
    job().catch((error: unknown) => log({ outcome: `${what}-error`, error: String(error) }));
  }, ms);
  timer.unref?.();
  return timer;
}

/** Records a snapshot after every upstream fetch and, unless told not to, starts the poller. Idempotent. */
export function startHistory(options: { poller?: boolean } = {}): void {
  const state = runtime();
  state.recording ??= onPetitionFetched((petition, fetchedAt) => {
    historyStore()
      .then((store) => store.record(petition, fetchedAt))
      .then((outcome) => log({ petition: petition.id, outcome, total: petition.signatureCount }))
      .catch((error: unknown) => log({ petition: petition.id, outcome: "error", error: String(error) }));
  });
  const wantPoller = options.poller ?? process.env.HISTORY_POLLER !== "off";
  if (state.timers.length === 0) {
    // Who watches what, as the front server counted it, for whichever process polls (this one or another).
    const flushMs = Math.min(60_000, pollIntervalMs());
    state.timers.push(
      every(flushMs, "viewers", async () =>
        (await historyStore()).noteViewers(recentViewers().counts(), Date.now()),
      ),
    );
    // Retention, apart from the polls: a long thinning never delays one, and a finished petition is thinned once.
    if (wantPoller) state.timers.push(every(HOUR_MS, "thinning", () => thinDueHistories(Date.now())));
  }
  if (wantPoller && !state.poller) {
    state.poller = new Poller({
      store: historyStore,
      getPetition: (id) => getPetition(id, { priority: "poller" }),
      track: trackedFromEnv(),
      intervalMs: pollIntervalMs(),
      maxTracked: envAtLeast("HISTORY_POLL_MAX", 0, DEFAULT_MAX_TRACKED),
      concurrency: envAtLeast("HISTORY_POLL_CONCURRENCY", 1, 4),
      log,
    });
    state.poller.start();
  }
}

/** Applies retention to every petition due for it; returns how many snapshots went. */
export async function thinDueHistories(now: number): Promise<number> {
  const store = await historyStore();
  let removed = 0;
  for (const id of await store.thinningDue(now)) removed += await store.thin(id, now);
  if (removed > 0) log({ outcome: "thinned", removed });
  return removed;
}

export async function stopHistory(): Promise<void> {
  const state = runtime();
  state.poller?.stop();
  state.poller = undefined;
  for (const timer of state.timers.splice(0)) clearInterval(timer);
  state.recording?.();
  state.recording = undefined;
  const store = state.store;
  state.store = undefined;
  await (await store?.catch(() => undefined))?.close();
}

/**
 * The seats' gains over the last hour and day, or null without history: the embedded seed never has any, and a
 * process that never started the history (a unit test, a script) does not read one.
 */
export async function momentumOf(load: PetitionLoad): Promise<Momentum | null> {
  if (load.source === "embedded" || !runtime().recording) return null;
  try {
    const store = await historyStore();
    const id = load.petition.id;
    const asOf = Date.parse(load.asOf);
    const dictionary = await store.dictionary(id);
    if (!dictionary) return null;
    const window = async (span: number) =>
      gainsSince(load.petition, asOf, await store.baseline(id, asOf - span), dictionary.seatCodes);
    const [hour, day] = [await window(MOMENTUM_WINDOWS.hour), await window(MOMENTUM_WINDOWS.day)];
    return hour && day ? { asOf, hour, day } : null;
  } catch (error) {
    log({ petition: load.petition.id, outcome: "momentum-error", error: String(error) });
    return null;
  }
}
