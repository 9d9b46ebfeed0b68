import "server-only";
/**
 * A small stale-if-error cache: fresh copies are served without calling upstream, concurrent misses for one key share
 * one load, and when a refresh fails the last good copy is served (marked stale) for as long as the store keeps it.
 */

export type Clock = () => number;

export type StoredEntry<V> =
  | { kind: "value"; value: V; storedAt: number; failedAt?: number; failure?: string }
  /** A remembered "no such thing" (e.g. a 404), or an outage with no copy to fall back on, kept briefly to spare upstream. */
  | { kind: "error"; error: unknown; storedAt: number };

/** Where entries live; async so a shared store (e.g. Redis) can replace the in-memory one. */
export interface CacheStore<V> {
  get(key: string): Promise<StoredEntry<V> | undefined>;
  set(key: string, entry: StoredEntry<V>, ttlMs: number): Promise<void>;
}

/** In-process store: entries expire after their TTL; the least recently used goes once maxEntries is reached. */
export class MemoryStore<V> implements CacheStore<V> {
  private readonly entries = new Map<string, { entry: StoredEntry<V>; expiresAt: number }>();

  constructor(
    private readonly maxEntries = 500,
    private readonly now: Clock = Date.now,
  ) {}

  async get(key: string): Promise<StoredEntry<V> | undefined> {
    const slot = this.entries.get(key);
    if (!slot) return undefined;
    this.entries.delete(key);
    if (slot.expiresAt <= this.now()) return undefined;
    this.entries.set(key, slot); // re-insert: Map order is the recency order
    return slot.entry;
  }

  async set(key: string, entry: StoredEntry<V>, ttlMs: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { entry, expiresAt: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** "miss": nothing cached; "expired": a copy exists but is past its freshness window. */
export type CacheState = "miss" | "expired";

export interface CacheResult<V> {
  value: V;
  /** When the value was fetched from upstream (epoch ms). */
  storedAt: number;
  source: "live" | "cache";
  stale: boolean;
  staleReason?: string;
}

export interface CacheOptions<V> {
  /** Good copies, kept for keepMs to fall back on. */
  store?: CacheStore<V>;
  /** Remembered errors, apart from the copies so that a flood of unknown keys cannot evict them. */
  errorStore?: CacheStore<V>;
  now?: Clock;
  /** How long a copy is served without asking upstream. */
  freshMs: number;
  /** How long a copy is kept to fall back on when upstream fails. */
  keepMs: number;
  /** After a failed refresh, how long the stale copy is served before upstream is tried again. */
  retryMs: number;
  /** How long an authoritative error (see isAuthoritative) is remembered. */
  errorMs: number;
  /** Errors that are an answer rather than an outage, e.g. not-found; they are cached and never hidden by stale copies. */
  isAuthoritative: (error: unknown) => boolean;
  /** Errors of our own making that say nothing about upstream (e.g. our budget is spent): never remembered. */
  isLocal?: (error: unknown) => boolean;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class StaleIfErrorCache<V> {
  private readonly store: CacheStore<V>;
  private readonly errorStore: CacheStore<V>;
  private readonly now: Clock;
  private readonly inflight = new Map<string, Promise<CacheResult<V>>>();

  constructor(private readonly options: CacheOptions<V>) {
    this.now = options.now ?? Date.now;
    this.store = options.store ?? new MemoryStore<V>(500, this.now);
    this.errorStore = options.errorStore ?? new MemoryStore<V>(500, this.now);
  }

  async get(key: string, load: (state: CacheState) => Promise<V>): Promise<CacheResult<V>> {
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const remembered = await this.errorStore.get(key);
    if (remembered?.kind === "error") throw remembered.error;
    const stored = await this.store.get(key);
    const entry = stored?.kind === "value" ? stored : undefined;
    const now = this.now();
    if (entry && now - entry.storedAt < this.options.freshMs) {
      return { value: entry.value, storedAt: entry.storedAt, source: "cache", stale: false };
    }
    if (entry?.failedAt !== undefined && now - entry.failedAt < this.options.retryMs) {
      return this.staleResult(entry, entry.failure ?? "upstream failed");
    }
    // Checked again: another caller may have started the load while we awaited the store.
    let shared = this.inflight.get(key);
    if (!shared) {
      shared = this.refresh(key, entry, load).finally(() => this.inflight.delete(key));
      this.inflight.set(key, shared);
    }
    return shared;
  }

  private staleResult(entry: StoredEntry<V> & { kind: "value" }, reason: string): CacheResult<V> {
    return {
      value: entry.value,
      storedAt: entry.storedAt,
      source: "cache",
      stale: true,
      staleReason: reason,
    };
  }

  private async refresh(
    key: string,
    entry: (StoredEntry<V> & { kind: "value" }) | undefined,
    load: (state: CacheState) => Promise<V>,
  ): Promise<CacheResult<V>> {
    try {
      const value = await load(entry ? "expired" : "miss");
      const storedAt = this.now();
      await this.store.set(key, { kind: "value", value, storedAt }, this.options.keepMs);
      return { value, storedAt, source: "live", stale: false };
    } catch (error) {
      if (this.options.isAuthoritative(error)) {
        await this.errorStore.set(key, { kind: "error", error, storedAt: this.now() }, this.options.errorMs);
        throw error;
      }
      if (!entry) {
        // No copy to fall back on: remember the outage briefly so a crowd of visitors makes one call, not one each.
        if (!this.options.isLocal?.(error)) {
          await this.errorStore.set(
            key,
            { kind: "error", error, storedAt: this.now() },
            this.options.retryMs,
          );
        }
        throw error;
      }
      const failedAt = this.now();
      const failed = { ...entry, failedAt, failure: describe(error) };
      const keptFor = Math.max(1, entry.storedAt + this.options.keepMs - failedAt);
      await this.store.set(key, failed, keptFor);
      return this.staleResult(failed, failed.failure);
    }
  }
}
