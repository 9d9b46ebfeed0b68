import { describe, expect, it } from "vitest";
import { MemoryStore, StaleIfErrorCache, type CacheState } from "./cache";

class Gone extends Error {}
class Busy extends Error {}

function setup(overrides: { maxEntries?: number } = {}) {
  const clock = { now: 1_000_000 };
  const now = () => clock.now;
  const cache = new StaleIfErrorCache<string>({
    now,
    store: new MemoryStore<string>(overrides.maxEntries ?? 500, now),
    freshMs: 60_000,
    keepMs: 24 * 3600_000,
    retryMs: 10_000,
    errorMs: 60_000,
    isAuthoritative: (error) => error instanceof Gone,
    isLocal: (error) => error instanceof Busy,
  });
  const calls: CacheState[] = [];
  let answer: () => Promise<string> = async () => `v@${clock.now}`;
  const load = (state: CacheState) => {
    calls.push(state);
    return answer();
  };
  return {
    clock,
    cache,
    calls,
    load,
    answerWith: (next: () => Promise<string>) => (answer = next),
  };
}

describe("StaleIfErrorCache", () => {
  it("loads once, then serves the fresh copy without loading", async () => {
    const { cache, load, calls, clock } = setup();
    const first = await cache.get("k", load);
    clock.now += 59_999;
    const second = await cache.get("k", load);
    expect(first).toEqual({ value: "v@1000000", storedAt: 1_000_000, source: "live", stale: false });
    expect(second).toEqual({ ...first, source: "cache" });
    expect(calls).toEqual(["miss"]);
  });

  it("remembers an outage with no copy for retryMs, then tries again", async () => {
    const { cache, load, calls, clock, answerWith } = setup();
    answerWith(async () => {
      throw new Error("503");
    });
    await expect(cache.get("k", load)).rejects.toThrow("503");
    clock.now += 9_999;
    await expect(cache.get("k", load)).rejects.toThrow("503");
    expect(calls).toEqual(["miss"]);
    clock.now += 1;
    answerWith(async () => "back");
    expect((await cache.get("k", load)).value).toBe("back");
    expect(calls).toEqual(["miss", "miss"]);
  });

  it("shares one load among concurrent callers", async () => {
    const { cache, load, calls, answerWith } = setup();
    let release: (value: string) => void = () => {};
    answerWith(() => new Promise((resolve) => (release = resolve)));
    const all = Promise.all(Array.from({ length: 50 }, () => cache.get("k", load)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release("shared");
    const results = await all;
    expect(calls).toEqual(["miss"]);
    expect(new Set(results.map((result) => result.value))).toEqual(new Set(["shared"]));
  });

  it("refreshes an expired copy, and serves it stale when the refresh fails", async () => {
    const { cache, load, calls, clock, answerWith } = setup();
    await cache.get("k", load);
    clock.now += 60_000;
    answerWith(async () => Promise.reject(new Error("upstream down")));
    const stale = await cache.get("k", load);
    expect(stale).toEqual({
      value: "v@1000000",
      storedAt: 1_000_000,
      source: "cache",
      stale: true,
      staleReason: "upstream down",
    });
    expect(calls).toEqual(["miss", "expired"]);
  });

  it("waits retryMs after a failure before asking again, then recovers", async () => {
    const { cache, load, calls, clock, answerWith } = setup();
    await cache.get("k", load);
    clock.now += 60_000;
    answerWith(async () => Promise.reject(new Error("down")));
    await cache.get("k", load);
    clock.now += 9_999;
    expect((await cache.get("k", load)).stale).toBe(true);
    expect(calls).toHaveLength(2);
    clock.now += 1;
    answerWith(async () => `v@${clock.now}`);
    const recovered = await cache.get("k", load);
    expect(recovered).toMatchObject({ value: `v@${clock.now}`, source: "live", stale: false });
    expect(calls).toEqual(["miss", "expired", "expired"]);
  });

  it("throws when there is no copy to fall back on", async () => {
    const { cache, load, answerWith } = setup();
    answerWith(async () => Promise.reject(new Error("down")));
    await expect(cache.get("k", load)).rejects.toThrow("down");
  });

  it("drops the copy after keepMs", async () => {
    const { cache, load, clock, answerWith } = setup();
    await cache.get("k", load);
    clock.now += 24 * 3600_000;
    answerWith(async () => Promise.reject(new Error("down")));
    await expect(cache.get("k", load)).rejects.toThrow("down");
  });

  it("remembers authoritative errors for errorMs instead of serving a stale copy", async () => {
    const { cache, load, calls, clock, answerWith } = setup();
    await cache.get("k", load);
    clock.now += 60_000;
    answerWith(async () => Promise.reject(new Gone("no such thing")));
    await expect(cache.get("k", load)).rejects.toBeInstanceOf(Gone);
    clock.now += 59_999;
    await expect(cache.get("k", load)).rejects.toBeInstanceOf(Gone);
    expect(calls).toHaveLength(2);
    clock.now += 1;
    answerWith(async () => "back");
    expect((await cache.get("k", load)).value).toBe("back");
  });

  it("keeps a good copy through a flood of remembered errors for other keys", async () => {
    const { cache, load, clock, answerWith } = setup({ maxEntries: 10 });
    const good = await cache.get("good", load);
    answerWith(async () => Promise.reject(new Gone("no such thing")));
    for (let n = 0; n < 1000; n++) await expect(cache.get(`missing-${n}`, load)).rejects.toBeInstanceOf(Gone);
    clock.now += 61_000;
    answerWith(async () => Promise.reject(new Error("503")));
    expect(await cache.get("good", load)).toMatchObject({ value: good.value, stale: true });
  });

  it("never remembers a local refusal: the next caller asks again, a copy is served stale meanwhile", async () => {
    const { cache, load, calls, clock, answerWith } = setup();
    answerWith(async () => Promise.reject(new Busy("busy")));
    await expect(cache.get("k", load)).rejects.toBeInstanceOf(Busy);
    await expect(cache.get("k", load)).rejects.toBeInstanceOf(Busy);
    expect(calls).toEqual(["miss", "miss"]);
    answerWith(async () => "v");
    await cache.get("k", load);
    clock.now += 61_000;
    answerWith(async () => Promise.reject(new Busy("busy")));
    expect(await cache.get("k", load)).toMatchObject({ value: "v", stale: true, staleReason: "busy" });
  });
});

describe("MemoryStore", () => {
  it("evicts the least recently used entry beyond maxEntries", async () => {
    const store = new MemoryStore<string>(2, () => 0);
    await store.set("a", { kind: "value", value: "A", storedAt: 0 }, 1000);
    await store.set("b", { kind: "value", value: "B", storedAt: 0 }, 1000);
    await store.get("a");
    await store.set("c", { kind: "value", value: "C", storedAt: 0 }, 1000);
    expect(store.size).toBe(2);
    expect(await store.get("b")).toBeUndefined();
    expect((await store.get("a"))?.kind).toBe("value");
  });

  it("forgets entries when their TTL passes", async () => {
    let now = 0;
    const store = new MemoryStore<string>(10, () => now);
    await store.set("a", { kind: "value", value: "A", storedAt: 0 }, 1000);
    now = 999;
    expect(await store.get("a")).toBeDefined();
    now = 1000;
    expect(await store.get("a")).toBeUndefined();
  });
});
