/**
 * Per-client rate limits: a token bucket per client key in each of two tiers (see docs/DEPLOY.md and
 * docs/decisions/0031-client-limit-tiers.md).
 * - "request": every request the front server cannot answer from what it keeps (a render, an API call, a CSV, an
 *   image; not /api/health, not static files): RATE_LIMIT_PER_MINUTE (default 120; 0 turns every limit off) with
 *   bursts of RATE_LIMIT_BURST (default 60).
 * - "costly": what makes us work for one client alone: a petition or list we hold no answer for (an upstream call),
 *   a search, a CSV, a PNG render: RATE_LIMIT_COSTLY_PER_MINUTE (default 20), RATE_LIMIT_COSTLY_BURST (default 10).
 * The client is the front server's x-atlas-client (socket address, or a trusted proxy's hop); no header a client
 * sends counts, and no client is exempt.
 */
import { TokenBuckets } from "./token-bucket";

export { TokenBuckets, type RateDecision, type RateLimitOptions } from "./token-bucket";

export type LimitTier = "request" | "costly";

export interface TierLimit {
  perMinute: number;
  burst: number;
}

export type RateLimitConfig = Record<LimitTier, TierLimit>;

function envCount(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

export function rateLimitConfig(env: Record<string, string | undefined> = process.env): RateLimitConfig {
  const off = envCount(env, "RATE_LIMIT_PER_MINUTE", 120) === 0;
  const tier = (prefix: string, perMinute: number, burst: number): TierLimit => ({
    perMinute: off ? 0 : envCount(env, `${prefix}_PER_MINUTE`, perMinute),
    burst: Math.max(1, envCount(env, `${prefix}_BURST`, burst)),
  });
  return { request: tier("RATE_LIMIT", 120, 60), costly: tier("RATE_LIMIT_COSTLY", 20, 10) };
}

// Process-wide, so every bundle that imports this module (front server, proxy, routes) counts in the same buckets.
const processWide = globalThis as typeof globalThis & { __petitionAtlasBuckets?: Map<string, TokenBuckets> };

function buckets(tier: LimitTier, { perMinute, burst }: TierLimit): TokenBuckets {
  processWide.__petitionAtlasBuckets ??= new Map();
  const key = `${tier}:${perMinute}/${burst}`;
  let found = processWide.__petitionAtlasBuckets.get(key);
  if (!found) {
    found = new TokenBuckets({ perMinute, burst });
    processWide.__petitionAtlasBuckets.set(key, found);
  }
  return found;
}

/** Who a request counts against: set by the front server (server.ts) on every request, whatever the client sent. */
export function requestClient(headers: Headers): string {
  return headers.get("x-atlas-client")?.trim() || "unknown";
}

/** Takes a token of `tier` from `client`'s bucket: null to go ahead, or how long to wait. */
export function rateLimited(
  client: string,
  tier: LimitTier,
  config: RateLimitConfig = rateLimitConfig(),
): { retryAfterSeconds: number } | null {
  const limit = config[tier];
  if (limit.perMinute === 0) return null;
  const decision = buckets(tier, limit).take(client);
  return decision.allowed ? null : { retryAfterSeconds: decision.retryAfterSeconds };
}

export function tooManyRequestsMessage(retryAfterSeconds: number): string {
  return `Too many requests. Please wait ${retryAfterSeconds} s and try again.`;
}

/** The 429 answer for the API, CSVs and images. */
export function tooManyRequestsJson(retryAfterSeconds: number): Response {
  return Response.json(
    { error: tooManyRequestsMessage(retryAfterSeconds) },
    {
      status: 429,
      headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
    },
  );
}
