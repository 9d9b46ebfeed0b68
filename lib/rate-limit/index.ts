/**
 * The /api/* rate limit: a token bucket per client address, configured by environment variables (see
 * docs/DEPLOY.md): RATE_LIMIT_PER_MINUTE (default 120; 0 turns it off), RATE_LIMIT_BURST (default 60),
 * RATE_LIMIT_LOOPBACK ("exempt" by default so local tests and benches are never throttled, or "limit") and
 * TRUSTED_PROXY_COUNT (proxies in front that append to X-Forwarded-For; default 0 = trust the first hop).
 */
import { clientAddress, isLoopback } from "./client";
import { TokenBuckets } from "./token-bucket";

export { clientAddress, isLoopback } from "./client";
export { TokenBuckets, type RateDecision, type RateLimitOptions } from "./token-bucket";

export interface RateLimitConfig {
  perMinute: number;
  burst: number;
  exemptLoopback: boolean;
  trustedProxies: number;
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
    exemptLoopback: (env.RATE_LIMIT_LOOPBACK ?? "exempt") !== "limit",
    trustedProxies: envCount(env, "TRUSTED_PROXY_COUNT", 0),
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

/** A 429 answer when the client has used up its allowance, otherwise null (go ahead). */
export function rateLimit(headers: Headers, config: RateLimitConfig = rateLimitConfig()): Response | null {
  if (config.perMinute === 0) return null;
  const client = clientAddress(headers.get("x-forwarded-for"), config.trustedProxies);
  if (config.exemptLoopback && isLoopback(client)) return null;
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
