import "server-only";
/**
 * The signature history in a running server (or `npm run poller`): one store per process, snapshots recorded from
 * every upstream fetch, and the poller. State lives on globalThis because instrumentation, proxy and pages are
 * bundled apart but share one process.
 *
 * Environment: DATABASE_URL (PostgreSQL; else SQLite in HISTORY_DIR, default .data), HISTORY_POLLER=off (no
 * in-process poller), HISTORY_TRACK=id,id (always poll these while open), HISTORY_POLL_MS (default 60000).
 */
import path from "node:path";
import { getPetition, type PetitionLoad } from "@/lib/petitions";
import { onPetitionFetched } from "@/lib/petitions/fetch-observers";
import { gainsSince, MOMENTUM_WINDOWS, type Momentum } from "./momentum";
import { Poller } from "./poller";
import { openPostgres } from "./postgres-sql";
import { openSqlite } from "./sqlite-sql";
import { HistoryStore } from "./store";

interface HistoryRuntime {
  store?: Promise<HistoryStore>;
  recording?: () => void;
  poller?: Poller;
  viewedAt: Map<number, number>;
}

const processWide = globalThis as typeof globalThis & { __petitionAtlasHistory?: HistoryRuntime };
function runtime(): HistoryRuntime {
  processWide.__petitionAtlasHistory ??= { viewedAt: new Map() };
  return processWide.__petitionAtlasHistory;
}

/** A view is written at most this often per petition and process: enough for "viewed in the last 24 h". */
const VIEW_WRITE_MS = 5 * 60_000;

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

function pollIntervalMs(): number {
  const configured = Number(process.env.HISTORY_POLL_MS);
  return Number.isFinite(configured) && configured >= 1000 ? configured : 60_000;
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
  if (wantPoller && !state.poller) {
    state.poller = new Poller({
      store: historyStore,
      getPetition: (id) => getPetition(id, { priority: "poller" }),
      track: trackedFromEnv(),
      intervalMs: pollIntervalMs(),
      log,
    });
    state.poller.start();
  }
}

export async function stopHistory(): Promise<void> {
  const state = runtime();
  state.poller?.stop();
  state.poller = undefined;
  state.recording?.();
  state.recording = undefined;
  const store = state.store;
  state.store = undefined;
  await (await store?.catch(() => undefined))?.close();
}

/** Notes that a petition's page was shown, so the poller follows it for a day. Never fails the page. */
export async function noteViewed(petitionId: number, now = Date.now()): Promise<void> {
  const { viewedAt } = runtime();
  if (now - (viewedAt.get(petitionId) ?? 0) < VIEW_WRITE_MS) return;
  viewedAt.set(petitionId, now);
  try {
    await (await historyStore()).noteViewed(petitionId, now);
  } catch (error) {
    log({ petition: petitionId, outcome: "view-error", error: String(error) });
  }
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
