import { describe, expect, it } from "vitest";
import { rateLimit, rateLimitConfig, requestClient, TokenBuckets } from "./index";

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
    expect(rateLimitConfig({})).toEqual({ perMinute: 120, burst: 60 });
  });

  it("reads the environment and ignores nonsense", () => {
    const config = rateLimitConfig({
      RATE_LIMIT_PER_MINUTE: "30",
      RATE_LIMIT_BURST: "-4",
    });
    expect(config).toEqual({ perMinute: 30, burst: 60 });
  });
});

describe("rateLimit", () => {
  const config = { perMinute: 60, burst: 2 };
  const from = (address: string) => new Headers({ "x-atlas-client": address });

  it("answers 429 with Retry-After and a JSON error once the burst is spent", async () => {
    const client = "192.0.2.77";
    expect(rateLimit(from(client), config)).toBeNull();
    expect(rateLimit(from(client), config)).toBeNull();
    const refused = rateLimit(from(client), config);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(((await refused?.json()) as { error: string }).error).toMatch(/Too many requests/);
  });

  it("counts loopback like any client, and ignores a client-sent X-Forwarded-For", () => {
    const spoofed = (hop: number) =>
      new Headers({ "x-atlas-client": "127.0.0.1", "x-forwarded-for": `198.51.100.${hop}` });
    const results = Array.from({ length: 10 }, (_, hop) => rateLimit(spoofed(hop), config));
    expect(results.filter((result) => result === null)).toHaveLength(2);
    expect(results.slice(2).every((result) => result?.status === 429)).toBe(true);
  });

  it("keys a request without x-atlas-client as unknown", () => {
    expect(requestClient(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("unknown");
    expect(requestClient(new Headers({ "x-atlas-client": "2001:db8:1:2::/64" }))).toBe("2001:db8:1:2::/64");
  });

  it("is off at RATE_LIMIT_PER_MINUTE=0", () => {
    const off = { ...config, perMinute: 0 };
    expect(
      Array.from({ length: 10 }, () => rateLimit(from("192.0.2.99"), off)).every((r) => r === null),
    ).toBe(true);
  });
});
