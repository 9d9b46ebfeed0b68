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
  it("spaces turns 1000 / rate ms apart plus 5%, however many callers queue at once", async () => {
    const time = fakeClock();
    const pace = createPacer(2, time.clock);
    const starts: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      await pace();
      starts.push(time.now());
    }
    expect(starts.map((at) => at - starts[0]!)).toEqual([0, 525, 1050, 1575, 2100, 2625, 3150]);
    // No half-open second holds more than 2 turns.
    const busiest = Math.max(
      ...starts.map((start) => starts.filter((at) => at >= start && at < start + 1000).length),
    );
    expect(busiest).toBe(2);
  });

  it("counts the gap from when a late timer really fired, so the next turn is never closer", async () => {
    const time = fakeClock();
    // Every other sleep overshoots by 136 ms, as timers do on a busy machine.
    let sleeps = 0;
    const late = {
      ...time.clock,
      sleep: async (ms: number) => void time.advance(ms + (sleeps++ % 2 ? 0 : 136)),
    };
    const pace = createPacer(2, late);
    const starts: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      await pace();
      starts.push(time.now());
    }
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(525);
    expect(gaps).toContain(525 + 136);
  });

  it("does not wait when the caller was slower than the rate", async () => {
    const time = fakeClock();
    const pace = createPacer(2, time.clock);
    await pace();
    time.advance(2000);
    const before = time.now();
    await pace();
    expect(time.now()).toBe(before);
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
