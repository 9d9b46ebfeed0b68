import "server-only";
/**
 * The petition service: the embedded seed, or the petitions site behind a stale-if-error cache shared by every
 * caller in the process. Server-side only (it reads process.env and writes log lines to stdout).
 */
import seed from "@/data/petitions/575833.json";
import {
  StaleIfErrorCache,
  type CacheResult,
  type CacheStore,
  type Clock,
  MemoryStore,
  type StoredEntry,
} from "./cache";
import type { UpstreamBudget, UpstreamPriority } from "./budget";
import { fetchPetition, fetchPetitionList, type ListQuery } from "./client";
import { PetitionError, isPetitionError, type PetitionErrorKind } from "./errors";
import { isSharedStore, redisClient, RedisStore, type ErrorCodec } from "./redis-store";
import { reshapePetition } from "./reshape";
import type { Petition, PetitionListPage } from "./types";

export type { UpstreamPriority } from "./budget";

/** Who is asking, so the upstream budget serves readers before background work. */
export interface LoadOptions {
  priority?: UpstreamPriority;
}

/** The closed 2021 petition bundled with the app so it works offline; never fetched. */
export const SEED_PETITION_ID = 575833;

export interface PetitionLoad {
  petition: Petition;
  /** When these numbers were read from the petitions site (ISO 8601). */
  asOf: string;
  stale: boolean;
  source: "live" | "cache" | "embedded";
  staleReason?: string;
}

export interface PetitionListLoad {
  list: PetitionListPage;
  asOf: string;
  stale: boolean;
  source: "live" | "cache";
  staleReason?: string;
}

/** Filters the site's list accepts for `state`. */
export const LIST_STATES = [
  "open",
  "closed",
  "rejected",
  "all",
  "awaiting_response",
  "with_response",
  "awaiting_debate",
  "debated",
  "not_debated",
] as const;
const MAX_QUERY_LENGTH = 200;
const MAX_PAGE = 1000;

/** Untrusted query-string values → a query we can send upstream (unknown state → open, bad page → 1). */
export function normaliseListQuery(input: { state?: string; q?: string; page?: number | string }): ListQuery {
  const state = LIST_STATES.find((known) => known === input.state) ?? "open";
  const q = (input.q ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
  const page = Number(input.page ?? 1);
  return { state, q, page: Number.isSafeInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1 };
}

export interface PetitionServiceOptions {
  now?: Clock;
  freshMs?: number;
  keepMs?: number;
  retryMs?: number;
  notFoundMs?: number;
  /** How long a list or search page is kept to fall back on (short: every `q` is a key). */
  listKeepMs?: number;
  petitionStore?: CacheStore<Petition>;
  listStore?: CacheStore<PetitionListPage>;
  /** The process-wide upstream budget unless a test brings its own. */
  budget?: UpstreamBudget;
}

export interface PetitionService {
  getPetition(id: number, options?: LoadOptions): Promise<PetitionLoad>;
  /** Whether a request for this petition is answered from what we hold (a copy, a known 404), asking nobody first. */
  hasAnswer(id: number): Promise<boolean>;
  /** The same for a page of the list. */
  hasListAnswer(query: { state?: string; q?: string; page?: number | string }): Promise<boolean>;
  listPetitions(
    query: { state?: string; q?: string; page?: number | string },
    options?: LoadOptions,
  ): Promise<PetitionListLoad>;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const MAX_ID = 999_999_999;

let seedPetition: Petition | undefined;
function embeddedSeed(): PetitionLoad {
  seedPetition ??= reshapePetition(seed);
  return {
    petition: seedPetition,
    asOf: seedPetition.updatedAt ?? seedPetition.closedAt ?? new Date(0).toISOString(),
    stale: false,
    source: "embedded",
  };
}

function envMs(name: string): number | undefined {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Remembered errors (only not-found is remembered) as JSON for a shared store, and back. */
const petitionErrorCodec: ErrorCodec = {
  encode: (error) =>
    isPetitionError(error)
      ? {
          kind: error.kind,
          message: error.message,
          status: error.status,
          upstreamStatus: error.upstreamStatus,
        }
      : { kind: "unavailable", message: String(error) },
  decode: (raw) => {
    const wire = raw as {
      kind: PetitionErrorKind;
      message: string;
      status?: number;
      upstreamStatus?: number | null;
    };
    return new PetitionError(wire.kind, wire.message, {
      ...(wire.status === undefined ? {} : { status: wire.status }),
      ...(wire.upstreamStatus == null ? {} : { upstreamStatus: wire.upstreamStatus }),
    });
  },
};

/**
 * Where entries live: Redis when REDIS_URL is set (shared by every instance), else this process's memory. Good
 * petition copies, list pages and remembered errors each have a store of their own, so that churn in one (random
 * ids, random searches) cannot evict the copies that keep petitions on screen during an outage.
 */
function defaultStore<V>(name: string, now: Clock, maxEntries: number): CacheStore<V> {
  const url = process.env.REDIS_URL;
  if (!url) return new MemoryStore<V>(maxEntries, now);
  const timeout = envMs("PETITIONS_API_TIMEOUT_MS") ?? 5000;
  return new RedisStore<V>(redisClient(url), {
    prefix: `petition-atlas:${name}:`,
    errors: petitionErrorCodec,
    lockMs: timeout + 2000,
    fallback: new MemoryStore<unknown>(maxEntries, now),
  });
}

/** With a shared store, one instance at a time asks upstream for a key; the others wait for its answer. */
function loadOnce<V>(
  store: CacheStore<V>,
  key: string,
  load: () => Promise<V>,
  isFresh: (entry: StoredEntry<V>) => boolean,
): Promise<V> {
  return isSharedStore(store) ? store.loadOnce(key, load, isFresh) : load();
}

/** Our own refusals (the upstream budget is spent) say nothing about the petition, so they are never remembered. */
const isBusy = (error: unknown) => isPetitionError(error) && error.kind === "busy";

function fromCache<V>(result: CacheResult<V>) {
  return {
    asOf: new Date(result.storedAt).toISOString(),
    stale: result.stale,
    source: result.source,
    ...(result.staleReason === undefined ? {} : { staleReason: result.staleReason }),
  };
}

export function createPetitionService(options: PetitionServiceOptions = {}): PetitionService {
  const now = options.now ?? Date.now;
  const budget = options.budget;
  const freshMs = options.freshMs ?? envMs("PETITIONS_CACHE_FRESH_MS") ?? 60 * SECOND;
  const shared = {
    now,
    freshMs,
    retryMs: options.retryMs ?? Math.min(freshMs, 10 * SECOND),
    errorMs: options.notFoundMs ?? 60 * SECOND,
    isAuthoritative: (error: unknown) => isPetitionError(error) && error.kind === "not-found",
    isLocal: isBusy,
  };
  const petitionStore = options.petitionStore ?? defaultStore<Petition>("petition", now, 500);
  const listStore = options.listStore ?? defaultStore<PetitionListPage>("list", now, 200);
  const petitionErrors = defaultStore<Petition>("petition-error", now, 2000);
  const listErrors = defaultStore<PetitionListPage>("list-error", now, 200);
  // A copy written by another instance since this one looked needs no second fetch; nor does a remembered error.
  const isFresh = (entry: StoredEntry<unknown>) =>
    entry.kind === "error" || (entry.failedAt === undefined && now() - entry.storedAt < freshMs);
  const petitions = new StaleIfErrorCache<Petition>({
    ...shared,
    keepMs: options.keepMs ?? 24 * HOUR,
    store: petitionStore,
    errorStore: petitionErrors,
  });
  const lists = new StaleIfErrorCache<PetitionListPage>({
    ...shared,
    keepMs: options.listKeepMs ?? 10 * MINUTE,
    store: listStore,
    errorStore: listErrors,
  });

  const listKey = (query: ListQuery) => JSON.stringify([query.state, query.q.toLowerCase(), query.page]);
  const holds = async <V>(stores: CacheStore<V>[], key: string) =>
    (await Promise.all(stores.map((store) => store.get(key)))).some((entry) => entry !== undefined);

  return {
    async hasAnswer(id) {
      return id === SEED_PETITION_ID || holds([petitionStore, petitionErrors], String(id));
    },
    async hasListAnswer(input) {
      return holds([listStore, listErrors], listKey(normaliseListQuery(input)));
    },
    async getPetition(id, { priority } = {}) {
      if (id === SEED_PETITION_ID) return embeddedSeed();
      if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ID) {
        throw new PetitionError("not-found", `${id} is not a petition number`);
      }
      const key = String(id);
      const result = await petitions.get(key, (cache) =>
        loadOnce(petitionStore, key, () => fetchPetition(id, { priority, budget, log: { cache } }), isFresh),
      );
      return { petition: result.value, ...fromCache(result) };
    },
    async listPetitions(input, { priority } = {}) {
      const query = normaliseListQuery(input);
      const key = listKey(query);
      const result = await lists.get(key, (cache) =>
        loadOnce(
          listStore,
          key,
          () => fetchPetitionList(query, { priority, budget, log: { cache } }),
          isFresh,
        ),
      );
      return { list: result.value, ...fromCache(result) };
    },
  };
}

// One service per process on globalThis: proxy.ts and the pages are bundled apart but must share one cache.
const processWide = globalThis as typeof globalThis & { __petitionAtlasService?: PetitionService };
function service(): PetitionService {
  processWide.__petitionAtlasService ??= createPetitionService();
  return processWide.__petitionAtlasService;
}

/** Which store the app's petition cache uses, for /api/health. */
export function petitionCacheKind(): "redis" | "memory" {
  return process.env.REDIS_URL ? "redis" : "memory";
}

/** The petition with the freshness of its numbers; throws PetitionError when there is neither an answer nor a copy. */
export function getPetition(id: number, options: LoadOptions = {}): Promise<PetitionLoad> {
  return service().getPetition(id, options);
}

/** Whether this petition is answered from what we hold (a copy, a remembered 404), asking nobody upstream first. */
export function hasPetitionAnswer(id: number): Promise<boolean> {
  return service().hasAnswer(id);
}

/** Whether this list page is answered from what we hold, asking nobody upstream first. */
export function hasListAnswer(query: {
  state?: string;
  q?: string;
  page?: number | string;
}): Promise<boolean> {
  return service().hasListAnswer(query);
}

/** One page of the site's petition list; throws PetitionError when upstream fails and nothing is cached. */
export function listPetitions(
  query: { state?: string; q?: string; page?: number | string },
  options: LoadOptions = {},
): Promise<PetitionListLoad> {
  return service().listPetitions(query, options);
}
