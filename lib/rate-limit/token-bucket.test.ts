import { describe, expect, it } from "vitest";
import { rateLimitConfig, rateLimited, requestClient, TokenBuckets, tooManyRequestsJson } from "./index";

function clock(start = 0) {
  const state = { now: start };
  return { state, now: () => state.now };
}

describe("TokenBuckets", () => {
  it("allows a burst, then refuses with the wait until the next token", () => {
    const time = clock();
    const buckets = new TokenBuckets({ perMinute: 120, burst: 60, now: time.now });
    const burst = Array.from({ length: 60 }, () => buckets.take("203.0.113.1"));
    expect(burst.every((decision) => decision.allowed)).toBe(true);
    // 120 a minute is one token every 500 ms.
    expect(buckets.take("203.0.113.1")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.state.now += 500;
    expect(buckets.take("203.0.113.1").allowed).toBe(true);
    expect(buckets.take("203.0.113.1").allowed).toBe(false);
  });

  it("refills at the sustained rate but never beyond the burst", () => {
    const time = clock();
    const buckets = new TokenBuckets({ perMinute: 60, burst: 5, now: time.now });
    for (let n = 0; n < 5; n++) buckets.take("a");
    time.state.now += 10 * 60_000;
    const allowed = Array.from({ length: 10 }, () => buckets.take("a").allowed).filter(Boolean).length;
    expect(allowed).toBe(5);
  });

  it("counts clients separately", () => {
    const buckets = new TokenBuckets({ perMinute: 1, burst: 1, now: () => 0 });
    expect(buckets.take("a").allowed).toBe(true);
    expect(buckets.take("b").allowed).toBe(true);
    expect(buckets.take("a")).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it("forgets the least recently seen clients beyond maxClients", () => {
    const buckets = new TokenBuckets({ perMinute: 1, burst: 1, maxClients: 100, now: () => 0 });
    for (let n = 0; n < 1000; n++) buckets.take(`198.51.100.${n}`);
    expect(buckets.size).toBe(100);
  });
});

describe("rateLimitConfig", () => {
  it("has the documented defaults", () => {
    expect(rateLimitConfig({})).toEqual({
      request: { perMinute: 120, burst: 60 },
      costly: { perMinute: 20, burst: 10 },
    });
  });

  it("reads the environment and ignores nonsense", () => {
    const config = rateLimitConfig({
      RATE_LIMIT_PER_MINUTE: "30",
      RATE_LIMIT_BURST: "-4",
      RATE_LIMIT_COSTLY_PER_MINUTE: "6",
      RATE_LIMIT_COSTLY_BURST: "2",
    });
    expect(config).toEqual({ request: { perMinute: 30, burst: 60 }, costly: { perMinute: 6, burst: 2 } });
  });

  it("turns every tier off at RATE_LIMIT_PER_MINUTE=0", () => {
    const config = rateLimitConfig({ RATE_LIMIT_PER_MINUTE: "0", RATE_LIMIT_COSTLY_PER_MINUTE: "5" });
    expect([config.request.perMinute, config.costly.perMinute]).toEqual([0, 0]);
  });
});

describe("rateLimited", () => {
  const config = { request: { perMinute: 60, burst: 2 }, costly: { perMinute: 60, burst: 1 } };

  it("refuses with the wait once a tier's burst is spent, and counts the tiers apart", () => {
    const client = "192.0.2.77";
    expect(rateLimited(client, "request", config)).toBeNull();
    expect(rateLimited(client, "costly", config)).toBeNull();
    expect(rateLimited(client, "costly", config)).toEqual({ retryAfterSeconds: 1 });
    expect(rateLimited(client, "request", config)).toBeNull();
    expect(rateLimited(client, "request", config)?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(rateLimited("192.0.2.78", "costly", config)).toBeNull();
  });

  it("is off at a rate of 0", () => {
    const off = { ...config, costly: { perMinute: 0, burst: 1 } };
    expect(Array.from({ length: 10 }, () => rateLimited("192.0.2.99", "costly", off))).toEqual(
      Array.from({ length: 10 }, () => null),
    );
  });

  it("answers 429 as JSON with Retry-After", async () => {
    const refused = tooManyRequestsJson(7);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("7");
    expect(((await refused.json()) as { error: string }).error).toMatch(/Too many requests.*7 s/);
  });
});

describe("requestClient", () => {
  it.each([
    [{}, "unknown"],
    [{ "x-atlas-client": "" }, "unknown"],
    [{ "x-atlas-client": "203.0.113.7" }, "203.0.113.7"],
    // Only the front server's header counts: whatever a client says in X-Forwarded-For is not read.
    [{ "x-forwarded-for": "198.51.100.1" }, "unknown"],
    [{ "x-forwarded-for": "127.0.0.1", "x-atlas-client": "2001:db8:1:2::/64" }, "2001:db8:1:2::/64"],
  ])("%j is %s", (headers, expected) => {
    expect(requestClient(new Headers(headers))).toBe(expected);
  });
});
