/**
 * The /api/* rate limit: a token bucket per client, configured by environment variables (see docs/DEPLOY.md):
 * RATE_LIMIT_PER_MINUTE (default 120; 0 turns it off) and RATE_LIMIT_BURST (default 60). The client is the
 * front server's x-atlas-client (socket address, or a trusted proxy's hop); no header a client sends counts.
 */
import { TokenBuckets } from "./token-bucket";

export { TokenBuckets, type RateDecision, type RateLimitOptions } from "./token-bucket";

export interface RateLimitConfig {
  perMinute: number;
  burst: number;
}

function envCount(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

export function rateLimitConfig(env: Record<string, string | undefined> = process.env): RateLimitConfig {
  const perMinute = envCount(env, "RATE_LIMIT_PER_MINUTE", 120);
  return {
    perMinute,
    burst: Math.max(1, envCount(env, "RATE_LIMIT_BURST", 60)),
  };
}

// Process-wide, so every bundle that imports this module (proxy, routes) counts in the same buckets.
const processWide = globalThis as typeof globalThis & { __petitionAtlasBuckets?: Map<string, TokenBuckets> };

function buckets({ perMinute, burst }: RateLimitConfig): TokenBuckets {
  processWide.__petitionAtlasBuckets ??= new Map();
  const key = `${perMinute}/${burst}`;
  let found = processWide.__petitionAtlasBuckets.get(key);
  if (!found) {
    found = new TokenBuckets({ perMinute, burst });
    processWide.__petitionAtlasBuckets.set(key, found);
  }
  return found;
}

/** Who a request counts against: set by the front server (server.ts) on every request, whatever the client sent. */
export function requestClient(headers: Headers): string {
  return headers.get("x-atlas-client") ?? "unknown";
}

/** A 429 answer when the client has used up its allowance, otherwise null (go ahead). */
export function rateLimit(headers: Headers, config: RateLimitConfig = rateLimitConfig()): Response | null {
  if (config.perMinute === 0) return null;
  const client = requestClient(headers);
  const decision = buckets(config).take(client);
  if (decision.allowed) return null;
  return Response.json(
    { error: `Too many requests. Please wait ${decision.retryAfterSeconds} s and try again.` },
    {
      status: 429,
      headers: { "Retry-After": String(decision.retryAfterSeconds), "Cache-Control": "no-store" },
    },
  );
}
