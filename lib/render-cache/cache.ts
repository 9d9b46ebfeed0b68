/**
 * Render once, serve many: a least-recently-used store of rendered answers with HTTP's freshness rules
 * (fresh, then stale-while-revalidate, then stale-if-error), and at most one render per key at a time.
 */

export interface Rendition<T> {
  value: T;
  /** Whether to keep it: a complete answer every reader of the key may have (a 200 page). */
  keep: boolean;
  /** Failed on our side or upstream's (a 5xx): a stale copy, if any, is the better answer. */
  failed: boolean;
  /** Bytes it holds, counted against maxBytes. */
  size: number;
}

export type CacheState = "hit" | "stale" | "miss" | "error-stale";

export interface RenderCacheOptions {
  /** Served as is, with no render, for this long after its render. */
  freshMs: number;
  /** Then served while one render in the background replaces it. */
  staleWhileRevalidateMs: number;
  /** Up to this age, served when its replacement fails. */
  staleIfErrorMs: number;
  /** Kept entries' sizes add up to at most this; the least recently read go first. */
  maxBytes: number;
  /** And there are at most this many, however small. */
  maxEntries: number;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  size: number;
  renderedAt: number;
  /** After a failed background render, no new one before this time. */
  retryAt: number;
}

export class RenderCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly renders = new Map<string, Promise<Rendition<T>>>();
  private bytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: RenderCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** Whether `get(key)` would answer without a render of its own: a kept copy within its windows, or one running. */
  answersWithoutRender(key: string): boolean {
    if (this.renders.has(key)) return true;
    const entry = this.entries.get(key);
    if (!entry) return false;
    const { freshMs, staleWhileRevalidateMs } = this.options;
    return this.now() - entry.renderedAt < freshMs + staleWhileRevalidateMs;
  }

  /**
   * The answer for `key`: the kept one while fresh (or stale within its windows), else the result of `render`,
   * which runs at most once per key at a time however many readers wait for it.
   */
  async get(key: string, render: () => Promise<Rendition<T>>): Promise<{ value: T; state: CacheState }> {
    const entry = this.entries.get(key);
    if (entry) {
      // Re-inserted: a Map's order is the recency order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      const { freshMs, staleWhileRevalidateMs, staleIfErrorMs } = this.options;
      const now = this.now();
      const age = now - entry.renderedAt;
      if (age < freshMs) return { value: entry.value, state: "hit" };
      if (age < freshMs + staleWhileRevalidateMs) {
        if (now >= entry.retryAt) this.revalidate(key, entry, render);
        return { value: entry.value, state: "stale" };
      }
      if (age < staleIfErrorMs) {
        const rendition = await this.render(key, render).catch(() => null);
        if (!rendition || rendition.failed) return { value: entry.value, state: "error-stale" };
        return { value: rendition.value, state: "miss" };
      }
      this.forget(key);
    }
    return { value: (await this.render(key, render)).value, state: "miss" };
  }

  private revalidate(key: string, entry: Entry<T>, render: () => Promise<Rendition<T>>): void {
    this.render(key, render)
      .then((rendition) => (rendition.failed ? Promise.reject(new Error("failed")) : undefined))
      .catch(() => {
        entry.retryAt = this.now() + Math.min(this.options.freshMs, 10_000);
      });
  }

  /** One render per key at a time; its result replaces the entry (or removes it, for an answer not to keep). */
  private render(key: string, render: () => Promise<Rendition<T>>): Promise<Rendition<T>> {
    const running = this.renders.get(key);
    if (running) return running;
    const started = this.now();
    const promise = render()
      .then((rendition) => {
        if (rendition.keep) this.store(key, rendition, started);
        else if (!rendition.failed) this.forget(key);
        return rendition;
      })
      .finally(() => this.renders.delete(key));
    this.renders.set(key, promise);
    return promise;
  }

  private store(key: string, { value, size }: Rendition<T>, renderedAt: number): void {
    this.forget(key);
    if (size > this.options.maxBytes) return;
    this.entries.set(key, { value, size, renderedAt, retryAt: 0 });
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.options.maxBytes && this.entries.size <= this.options.maxEntries) break;
      this.forget(oldest);
    }
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}
