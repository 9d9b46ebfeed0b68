import { describe, expect, it } from "vitest";
import { createPacer, indexRateFromEnv } from "./pacer";

/** A clock that only moves when someone sleeps, recording when each turn starts. */
function fakeClock() {
  let now = 1_000_000;
  return {
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    },
    advance: (ms: number) => (now += ms),
    now: () => now,
  };
}

describe("createPacer", () => {
  it("spaces calls 1000 / rate ms plus 5% after the previous one ended, however many queue at once", async () => {
    const time = fakeClock();
    const pace = createPacer(2, time.clock);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 7 }, () => pace(async () => void starts.push(time.now()))));
    expect(starts.map((at) => at - starts[0]!)).toEqual([0, 525, 1050, 1575, 2100, 2625, 3150]);
  });

  it("keeps requests apart however late each leaves after its turn", async () => {
    const time = fakeClock();
    const pace = createPacer(2, time.clock);
    const sent: number[] = [];
    // The first request leaves 500 ms after its turn (a client setting up), the others at once; each takes 20 ms.
    for (let i = 0; i < 8; i += 1) {
      await pace(async () => {
        time.advance(i === 0 ? 500 : 0);
        sent.push(time.now());
        time.advance(20);
      });
    }
    const gaps = sent.slice(1).map((at, i) => at - sent[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(525);
    // No half-open second holds more than 2 requests.
    const busiest = Math.max(
      ...sent.map((start) => sent.filter((at) => at >= start && at < start + 1000).length),
    );
    expect(busiest).toBe(2);
  });

  it("counts the gap from when a late timer really fired, so the next call is never closer", async () => {
    const time = fakeClock();
    // Every other sleep overshoots by 136 ms, as timers do on a busy machine.
    let sleeps = 0;
    const late = {
      ...time.clock,
      sleep: async (ms: number) => void time.advance(ms + (sleeps++ % 2 ? 0 : 136)),
    };
    const pace = createPacer(2, late);
    const starts: number[] = [];
    for (let i = 0; i < 9; i += 1) await pace(async () => void starts.push(time.now()));
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(525);
    expect(gaps).toContain(525 + 136);
  });

  it("does not wait when the caller was slower than the rate", async () => {
    const time = fakeClock();
    const pace = createPacer(2, time.clock);
    await pace(async () => undefined);
    time.advance(2000);
    const before = time.now();
    await pace(async () => undefined);
    expect(time.now()).toBe(before);
  });

  it("passes on a call's failure and still spaces the next call", async () => {
    const time = fakeClock();
    const pace = createPacer(2, time.clock);
    await expect(pace(() => Promise.reject(new Error("upstream down")))).rejects.toThrow("upstream down");
    const before = time.now();
    await pace(async () => undefined);
    expect(time.now() - before).toBe(525);
  });

  it("refuses a rate of 0 or less", () => {
    expect(() => createPacer(0)).toThrow(RangeError);
  });

  it("reads PETITIONS_INDEX_RATE, 2 a second by default", () => {
    expect(indexRateFromEnv(undefined)).toBe(2);
    expect(indexRateFromEnv("abc")).toBe(2);
    expect(indexRateFromEnv("-1")).toBe(2);
    expect(indexRateFromEnv("0.5")).toBe(0.5);
  });
});
