import { describe, expect, it } from "vitest";
import { RenderCache, type Rendition } from "./cache";

function clock() {
  const state = { now: 0 };
  return { state, now: () => state.now };
}

const options = {
  freshMs: 60_000,
  staleWhileRevalidateMs: 300_000,
  staleIfErrorMs: 86_400_000,
  maxBytes: 1_000,
  maxEntries: 100,
};

/** A render that counts its calls and answers what `answer` says at the time, after `ms` of pretend work. */
function renderer(answer: (call: number) => Partial<Rendition<string>> = (call) => ({ value: `v${call}` })) {
  let calls = 0;
  const render = async (): Promise<Rendition<string>> => {
    calls += 1;
    const call = calls;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { value: `v${call}`, keep: true, failed: false, size: 10, ...answer(call) };
  };
  return { render, calls: () => calls };
}

describe("RenderCache", () => {
  it("renders a key once however many readers arrive together, then serves the kept answer", async () => {
    const time = clock();
    const cache = new RenderCache<string>({ ...options, now: time.now });
    const { render, calls } = renderer();
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.get("/", render)));
    expect(calls()).toBe(1);
    expect(new Set(answers.map((answer) => answer.value))).toEqual(new Set(["v1"]));
    time.state.now = 59_999;
    expect(await cache.get("/", render)).toEqual({ value: "v1", state: "hit" });
    expect(calls()).toBe(1);
  });

  it("serves a stale answer at once while one render in the background replaces it", async () => {
    const time = clock();
    const cache = new RenderCache<string>({ ...options, now: time.now });
    const { render, calls } = renderer();
    await cache.get("/", render);
    time.state.now = 61_000;
    const stale = await Promise.all(Array.from({ length: 10 }, () => cache.get("/", render)));
    expect(stale.every((answer) => answer.value === "v1" && answer.state === "stale")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls()).toBe(2);
    expect(await cache.get("/", render)).toEqual({ value: "v2", state: "hit" });
  });

  it("keeps serving the last good answer while renders fail, and tries again only after a pause", async () => {
    const time = clock();
    const cache = new RenderCache<string>({ ...options, now: time.now });
    const { render, calls } = renderer((call) =>
      call === 1 ? {} : { value: "503 page", keep: false, failed: true },
    );
    await cache.get("/", render);
    time.state.now = 61_000;
    expect((await cache.get("/", render)).value).toBe("v1");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await cache.get("/", render)).value).toBe("v1");
    expect(calls()).toBe(2); // the failed render holds off the next one
    time.state.now = 72_000;
    await cache.get("/", render);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls()).toBe(3);
    // Past stale-while-revalidate the reader waits for the render, and gets the old answer when it fails.
    time.state.now = 60_000 + 300_000 + 1;
    expect(await cache.get("/", render)).toEqual({ value: "v1", state: "error-stale" });
    // Past stale-if-error the old answer is gone: the failure is the answer.
    time.state.now = 86_400_001;
    expect(await cache.get("/", render)).toEqual({ value: "503 page", state: "miss" });
  });

  it("forgets an entry whose render says it is gone (a 404), and never keeps answers not to share", async () => {
    const time = clock();
    const cache = new RenderCache<string>({ ...options, now: time.now });
    const { render, calls } = renderer((call) => (call === 1 ? {} : { value: "404 page", keep: false }));
    await cache.get("/petitions/1", render);
    time.state.now = 61_000;
    await cache.get("/petitions/1", render);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cache.size).toBe(0);
    expect(await cache.get("/petitions/1", render)).toEqual({ value: "404 page", state: "miss" });
    expect(calls()).toBe(3);
  });

  it("evicts the least recently read entries beyond its byte and entry budgets", async () => {
    const cache = new RenderCache<string>({ ...options, maxBytes: 100, maxEntries: 5 });
    const { render } = renderer(() => ({ size: 30 }));
    await cache.get("a", render);
    await cache.get("b", render);
    await cache.get("c", render);
    await cache.get("a", render); // read again: b is now the least recent
    await cache.get("d", render);
    expect(cache.size).toBe(3);
    expect(cache.totalBytes).toBe(90);
    const { render: counted, calls } = renderer();
    await cache.get("a", counted);
    await cache.get("b", counted);
    expect(calls()).toBe(1); // only b had been evicted
    const small = new RenderCache<string>({ ...options, maxEntries: 5 });
    for (let n = 0; n < 100; n++) await small.get(`/?area=E${n}`, renderer().render);
    expect(small.size).toBe(5);
  });

  it("shares a thrown render with every waiting reader and keeps nothing", async () => {
    const cache = new RenderCache<string>(options);
    let calls = 0;
    const broken = async (): Promise<Rendition<string>> => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error("Next is down");
    };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => cache.get("/", broken)));
    expect(results.every((result) => result.status === "rejected")).toBe(true);
    expect(calls).toBe(1);
    expect(cache.size).toBe(0);
  });

  it("says when a read needs no render of its own: a copy within its windows, or a render already running", async () => {
    const time = clock();
    const cache = new RenderCache<string>({ ...options, now: time.now });
    const { render } = renderer();
    expect(cache.answersWithoutRender("/")).toBe(false);
    const first = cache.get("/", render);
    expect(cache.answersWithoutRender("/")).toBe(true);
    await first;
    time.state.now = options.freshMs + options.staleWhileRevalidateMs - 1;
    expect(cache.answersWithoutRender("/")).toBe(true);
    time.state.now += 1;
    // Past stale-while-revalidate a read waits for a render (the old copy only stands in if it fails).
    expect(cache.answersWithoutRender("/")).toBe(false);
  });
});
