/**
 * Per-client token buckets kept in memory: each client may make `burst` requests at once, refilled at
 * `perMinute` tokens a minute. One instance per process; several instances each count on their own.
 */

export interface RateLimitOptions {
  /** Sustained rate: tokens added per minute. */
  perMinute: number;
  /** Bucket size: requests allowed back to back. */
  burst: number;
  /** Clients remembered at most; the least recently seen go first (a flood of made-up addresses stays bounded). */
  maxClients?: number;
  now?: () => number;
}

export type RateDecision =
  { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const MINUTE = 60_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly maxClients: number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
    this.maxClients = options.maxClients ?? 10_000;
  }

  /** Takes one token from the client's bucket, or says how long until one is there. */
  take(client: string): RateDecision {
    const now = this.now();
    const { burst, perMinute } = this.options;
    const previous = this.buckets.get(client);
    this.buckets.delete(client); // re-inserted below: Map order is the recency order
    const refill = previous ? ((now - previous.updatedAt) * perMinute) / MINUTE : burst;
    const tokens = Math.min(burst, (previous?.tokens ?? 0) + refill);
    if (tokens >= 1) {
      this.remember(client, { tokens: tokens - 1, updatedAt: now });
      return { allowed: true, remaining: Math.floor(tokens - 1) };
    }
    this.remember(client, { tokens, updatedAt: now });
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * MINUTE) / perMinute / 1000)),
    };
  }

  get size(): number {
    return this.buckets.size;
  }

  private remember(client: string, bucket: Bucket): void {
    this.buckets.set(client, bucket);
    while (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}
