import "server-only";
/**
 * A CacheStore in Redis, so several app instances share petition copies, plus a short lock (SET NX PX) so only one
 * instance asks the petitions site for a key at a time. Redis being down never breaks a page: every entry is also
 * kept in an in-process MemoryStore, which answers while Redis cannot.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { MemoryStore, type CacheStore, type StoredEntry } from "./cache";

/** Turns error entries into JSON and back (errors do not survive JSON.stringify). */
export interface ErrorCodec {
  encode(error: unknown): unknown;
  decode(raw: unknown): unknown;
}

export interface RedisStoreOptions {
  /** Prepended to every key, e.g. "petition-atlas:petition:". */
  prefix: string;
  errors: ErrorCodec;
  /** How long a lock is held at most: longer than one upstream call may take. */
  lockMs: number;
  /** How often a waiting instance looks for the value the lock holder stores. */
  pollMs?: number;
  fallback?: MemoryStore<unknown>;
}

type Wire<V> =
  | { kind: "value"; value: V; storedAt: number; failedAt?: number; failure?: string }
  | { kind: "error"; error: unknown; storedAt: number };

// Only deletes the lock if it is still ours: it may have expired and been taken by another instance.
const RELEASE_LOCK = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/** One client per URL per process, shared by every store and by /api/health. */
export function redisClient(url: string): Redis {
  const registry = globalThis as typeof globalThis & { __petitionAtlasRedis?: Map<string, Redis> };
  registry.__petitionAtlasRedis ??= new Map();
  let client = registry.__petitionAtlasRedis.get(url);
  if (!client) {
    client = new Redis(url, {
      // Fail fast rather than queue behind a dead connection: the in-process copy answers meanwhile.
      commandTimeout: 1000,
      connectTimeout: 2000,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    let down = false;
    client.on("error", (error: Error) => {
      if (down) return;
      down = true;
      process.stdout.write(JSON.stringify({ event: "redis", state: "error", error: error.message }) + "\n");
    });
    client.on("ready", () => {
      down = false;
      process.stdout.write(JSON.stringify({ event: "redis", state: "ready" }) + "\n");
    });
    registry.__petitionAtlasRedis.set(url, client);
  }
  return client;
}

/** Redis is usable now, or still making its first connection (commands queue briefly until then). */
function usable(client: Redis): boolean {
  return client.status === "ready" || client.status === "connecting" || client.status === "connect";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What changes when an entry is rewritten: a new copy, a failed refresh or a remembered error. */
function version(entry: StoredEntry<unknown> | undefined): string {
  if (!entry) return "none";
  return entry.kind === "error"
    ? `error@${entry.storedAt}`
    : `value@${entry.storedAt}/${entry.failedAt ?? 0}`;
}

/** What a waiting instance answers with: the stored value, the remembered error, or the holder's failure. */
function answerOf<V>(entry: StoredEntry<V>): V {
  if (entry.kind === "error") throw entry.error;
  if (entry.failedAt !== undefined) throw new Error(entry.failure ?? "upstream failed");
  return entry.value;
}

export class RedisStore<V> implements CacheStore<V> {
  readonly kind = "redis";
  private readonly fallback: MemoryStore<V>;
  private readonly heldLocks = new Map<string, string>();

  constructor(
    private readonly client: Redis,
    private readonly options: RedisStoreOptions,
  ) {
    this.fallback = (options.fallback as MemoryStore<V> | undefined) ?? new MemoryStore<V>(500);
  }

  async get(key: string): Promise<StoredEntry<V> | undefined> {
    if (!usable(this.client)) return this.fallback.get(key);
    try {
      const text = await this.client.get(this.options.prefix + key);
      if (text === null) return undefined;
      const wire = JSON.parse(text) as Wire<V>;
      return wire.kind === "error" ? { ...wire, error: this.options.errors.decode(wire.error) } : wire;
    } catch {
      return this.fallback.get(key);
    }
  }

  async set(key: string, entry: StoredEntry<V>, ttlMs: number): Promise<void> {
    await this.fallback.set(key, entry, ttlMs);
    try {
      if (!usable(this.client)) return;
      const wire: Wire<V> =
        entry.kind === "error" ? { ...entry, error: this.options.errors.encode(entry.error) } : entry;
      await this.client.set(
        this.options.prefix + key,
        JSON.stringify(wire),
        "PX",
        Math.max(1, Math.ceil(ttlMs)),
      );
    } catch {
      // The in-process copy is kept; Redis catches up with the next refresh.
    } finally {
      await this.releaseLock(key);
    }
  }

  /**
   * Runs `load` if this instance gets the key's lock and the store still has no fresh entry (`isFresh`). Otherwise
   * another instance is loading: waits for the entry it writes and answers with that (its error, if it failed), and
   * loads itself only if the lock lapses with no entry.
   */
  async loadOnce(
    key: string,
    load: () => Promise<V>,
    isFresh: (entry: StoredEntry<V>) => boolean = () => false,
  ): Promise<V> {
    if (!usable(this.client)) return load();
    const lockKey = `${this.options.prefix}lock:${key}`;
    const token = randomUUID();
    let locked: boolean;
    try {
      locked = (await this.client.set(lockKey, token, "PX", this.options.lockMs, "NX")) === "OK";
    } catch {
      return load();
    }
    if (locked) {
      this.heldLocks.set(key, token);
      // The previous holder may have stored an answer between our caller's read and our lock: use it.
      const current = await this.get(key);
      if (current && isFresh(current)) {
        await this.releaseLock(key);
        if (current.kind === "error") throw current.error;
        return current.value;
      }
      // Released by set() once the answer is stored for the others to read; at once if nothing will be stored.
      return load().catch(async (error: unknown) => {
        await this.releaseLock(key);
        throw error;
      });
    }
    const first = await this.get(key);
    const before = version(first);
    // The holder's answer: a fresh entry (it may have landed before we looked) or any rewrite of the entry.
    const answered = (entry: StoredEntry<V> | undefined): entry is StoredEntry<V> =>
      entry !== undefined && (isFresh(entry) || version(entry) !== before);
    if (answered(first)) return answerOf(first);
    const deadline = Date.now() + this.options.lockMs;
    while (Date.now() < deadline) {
      await sleep(this.options.pollMs ?? 50);
      const entry = await this.get(key);
      if (answered(entry)) return answerOf(entry);
      if ((await this.client.exists(lockKey).catch(() => 0)) === 0) {
        const last = await this.get(key);
        if (answered(last)) return answerOf(last);
        break; // the holder stored nothing (it had no copy and failed, or died): try ourselves
      }
    }
    return load();
  }

  private async releaseLock(key: string): Promise<void> {
    const token = this.heldLocks.get(key);
    if (token === undefined) return;
    this.heldLocks.delete(key);
    await this.client
      .eval(RELEASE_LOCK, 1, `${this.options.prefix}lock:${key}`, token)
      .catch(() => undefined);
  }
}

/** Stores that can keep several instances from loading the same key at once. */
export function isSharedStore<V>(store: CacheStore<V>): store is RedisStore<V> {
  return store instanceof RedisStore;
}
