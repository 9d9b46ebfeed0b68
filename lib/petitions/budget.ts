import "server-only";
/**
 * The upstream budget: every request to the petitions site takes a token from one process-wide bucket (a steady
 * rate with a one-second burst) and a slot under a concurrency cap. Readers (a page or API answer someone waits
 * for) are served first; the history poller and the petitions index each get a smaller share of the rate and of
 * the slots, and only what readers leave. A caller that cannot start within its wait is told the site is busy.
 */
import { PetitionError } from "./errors";

export type UpstreamPriority = "reader" | "poller" | "index";

/** Serving order: a waiting reader always goes before background work. */
const ORDER: readonly UpstreamPriority[] = ["reader", "poller", "index"];

export interface BudgetOptions {
  /** Sustained upstream requests a second (PETITIONS_API_RATE); the burst is one second's worth. */
  perSecond: number;
  /** Upstream requests in flight at once (PETITIONS_API_CONCURRENCY). */
  concurrency: number;
  /** The part of the rate and of the slots each background priority may use at most. */
  shares?: Partial<Record<Exclude<UpstreamPriority, "reader">, number>>;
  /** How long a caller of each priority waits for its turn before it is refused as busy. */
  maxWaitMs?: Partial<Record<UpstreamPriority, number>>;
  now?: () => number;
}

export const DEFAULT_BUDGET = { perSecond: 5, concurrency: 4 } as const;
const DEFAULT_SHARES = { poller: 0.4, index: 0.4 } as const;
/** A reader would rather see "busy, try again" than a page that hangs; background work can wait. */
const DEFAULT_MAX_WAIT_MS: Record<UpstreamPriority, number> = {
  reader: 2_000,
  poller: 30_000,
  index: 30_000,
};

interface Bucket {
  tokens: number;
  capacity: number;
  perMs: number;
  updatedAt: number;
}

interface Lane {
  bucket?: Bucket;
  maxActive: number;
  active: number;
  maxWaitMs: number;
  waiting: Waiter[];
}

interface Waiter {
  start: () => void;
  refuse: (error: PetitionError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export interface BudgetStats {
  started: Record<UpstreamPriority, number>;
  refused: Record<UpstreamPriority, number>;
  active: number;
}

function bucket(perSecond: number, now: number): Bucket {
  const capacity = Math.max(1, perSecond);
  return { tokens: capacity, capacity, perMs: perSecond / 1000, updatedAt: now };
}

function refill(b: Bucket, now: number): void {
  b.tokens = Math.min(b.capacity, b.tokens + (now - b.updatedAt) * b.perMs);
  b.updatedAt = now;
}

/** Milliseconds until the bucket holds a whole token. */
function untilToken(b: Bucket): number {
  return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / b.perMs);
}

export class UpstreamBudget {
  private readonly now: () => number;
  private readonly global: Bucket;
  private readonly lanes: Record<UpstreamPriority, Lane>;
  private active = 0;
  private wakeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly counts: Omit<BudgetStats, "active"> = {
    started: { reader: 0, poller: 0, index: 0 },
    refused: { reader: 0, poller: 0, index: 0 },
  };

  constructor(private readonly options: BudgetOptions) {
    this.now = options.now ?? Date.now;
    const now = this.now();
    this.global = bucket(options.perSecond, now);
    const shares = { ...DEFAULT_SHARES, ...options.shares };
    const waits = { ...DEFAULT_MAX_WAIT_MS, ...options.maxWaitMs };
    const background = (share: number, maxWaitMs: number): Lane => ({
      bucket: bucket(options.perSecond * share, now),
      maxActive: Math.max(1, Math.floor(options.concurrency * share)),
      active: 0,
      maxWaitMs,
      waiting: [],
    });
    this.lanes = {
      reader: { maxActive: options.concurrency, active: 0, maxWaitMs: waits.reader, waiting: [] },
      poller: background(shares.poller, waits.poller),
      index: background(shares.index, waits.index),
    };
  }

  /** Runs `task` once the budget allows; rejects with a "busy" PetitionError if that takes too long. */
  async run<T>(priority: UpstreamPriority, task: () => Promise<T>): Promise<T> {
    await this.turn(priority);
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.lanes[priority].active -= 1;
      this.pump();
    }
  }

  get stats(): BudgetStats {
    return structuredClone({ ...this.counts, active: this.active });
  }

  private turn(priority: UpstreamPriority): Promise<void> {
    const lane = this.lanes[priority];
    // More waiting than the rate can serve within the wait: refuse now rather than hold the request.
    const rate = lane.bucket ?? this.global;
    const servable = Math.ceil(rate.capacity + rate.perMs * lane.maxWaitMs);
    if (lane.waiting.length >= servable) return Promise.reject(this.busy(priority));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: resolve,
        refuse: reject,
        timer: setTimeout(() => {
          lane.waiting.splice(lane.waiting.indexOf(waiter), 1);
          reject(this.busy(priority));
        }, lane.maxWaitMs),
      };
      waiter.timer.unref?.();
      lane.waiting.push(waiter);
      this.pump();
    });
  }

  private busy(priority: UpstreamPriority): PetitionError {
    this.counts.refused[priority] += 1;
    const queued = ORDER.reduce((sum, name) => sum + this.lanes[name].waiting.length, 0);
    const retryAfterSeconds = Math.max(1, Math.ceil(queued / this.options.perSecond));
    return new PetitionError(
      "busy",
      `We are asking the petitions site for too much at once; try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }

  /** Starts every waiter the budget allows, readers first; wakes itself when the next token is due. */
  private pump(): void {
    const now = this.now();
    refill(this.global, now);
    for (const name of ORDER) if (this.lanes[name].bucket) refill(this.lanes[name].bucket, now);
    let wakeIn = Infinity;
    for (const name of ORDER) {
      const lane = this.lanes[name];
      while (
        lane.waiting.length > 0 &&
        this.active < this.options.concurrency &&
        lane.active < lane.maxActive
      ) {
        const wait = Math.max(untilToken(this.global), lane.bucket ? untilToken(lane.bucket) : 0);
        if (wait > 0) {
          wakeIn = Math.min(wakeIn, wait);
          break;
        }
        const waiter = lane.waiting.shift();
        if (!waiter) break;
        clearTimeout(waiter.timer);
        this.global.tokens -= 1;
        if (lane.bucket) lane.bucket.tokens -= 1;
        this.active += 1;
        lane.active += 1;
        this.counts.started[name] += 1;
        waiter.start();
      }
      // Background work waits behind any reader still queued.
      if (lane.waiting.length > 0 && name === "reader") break;
    }
    if (wakeIn < Infinity && this.wakeTimer === undefined) {
      this.wakeTimer = setTimeout(() => {
        this.wakeTimer = undefined;
        this.pump();
      }, wakeIn);
      this.wakeTimer.unref?.();
    }
  }
}

function envNumber(name: string, fallback: number, env: Record<string, string | undefined>): number {
  const value = Number(env[name]);
  return env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** PETITIONS_API_RATE (requests a second, default 5) and PETITIONS_API_CONCURRENCY (default 4). */
export function budgetFromEnv(env: Record<string, string | undefined> = process.env): BudgetOptions {
  return {
    perSecond: envNumber("PETITIONS_API_RATE", DEFAULT_BUDGET.perSecond, env),
    concurrency: Math.floor(envNumber("PETITIONS_API_CONCURRENCY", DEFAULT_BUDGET.concurrency, env)),
  };
}

// One budget per process: proxy.ts, the pages and the poller are bundled apart but share the petitions site.
const processWide = globalThis as typeof globalThis & { __petitionAtlasBudget?: UpstreamBudget };

export function upstreamBudget(): UpstreamBudget {
  processWide.__petitionAtlasBudget ??= new UpstreamBudget(budgetFromEnv());
  return processWide.__petitionAtlasBudget;
}
