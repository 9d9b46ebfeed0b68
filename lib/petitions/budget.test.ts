import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { budgetFromEnv, UpstreamBudget, type UpstreamPriority } from "./budget";
import { isPetitionError } from "./errors";

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse("2026-05-01T12:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A task that stays in flight until released, recording when it started. */
function holdingTask(log: { priority: UpstreamPriority; at: number }[], priority: UpstreamPriority) {
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  const task = () => {
    log.push({ priority, at: Date.now() });
    return done;
  };
  return { task, release: () => release() };
}

describe("UpstreamBudget", () => {
  it("starts at most the burst plus the rate, refuses the rest as busy with a Retry-After", async () => {
    const budget = new UpstreamBudget({ perSecond: 5, concurrency: 4 });
    const started: number[] = [];
    const outcomes = Array.from({ length: 2000 }, () =>
      budget
        .run("reader", async () => {
          started.push(Date.now());
        })
        .then(
          () => "ok",
          (error: unknown) => error,
        ),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    const results = await Promise.all(outcomes);
    const ok = results.filter((result) => result === "ok").length;
    // 5 at once, then 5 a second for the 2 s a reader may wait.
    expect(ok).toBeGreaterThanOrEqual(14);
    expect(ok).toBeLessThanOrEqual(16);
    const refused = results.filter((result) => result !== "ok");
    expect(refused.every((error) => isPetitionError(error) && error.kind === "busy")).toBe(true);
    expect(refused[0]).toMatchObject({ status: 503, retryAfterSeconds: expect.any(Number) });
    expect(budget.stats).toMatchObject({
      started: { reader: ok },
      refused: { reader: 2000 - ok },
      active: 0,
    });
    // No second ever saw more than the rate, once the initial burst was spent.
    const start = started[0] ?? 0;
    const perSecond = new Map<number, number>();
    for (const at of started) {
      const second = Math.floor((at - start) / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    for (const [second, count] of perSecond) expect(count).toBeLessThanOrEqual(second === 0 ? 10 : 5);
  });

  it("never has more than the concurrency cap in flight, and background lanes a share of it", async () => {
    const budget = new UpstreamBudget({ perSecond: 100, concurrency: 4 });
    const log: { priority: UpstreamPriority; at: number }[] = [];
    const tasks = [
      ...Array.from({ length: 3 }, () => holdingTask(log, "poller")),
      ...Array.from({ length: 6 }, () => holdingTask(log, "reader")),
    ];
    const runs = tasks.map((held, n) => budget.run(n < 3 ? "poller" : "reader", held.task));
    await vi.advanceTimersByTimeAsync(100);
    expect(budget.stats.active).toBe(4);
    // The poller's share (0.4 of 4 slots) is one slot at a time.
    expect(log.filter((entry) => entry.priority === "poller")).toHaveLength(1);
    for (const held of tasks) held.release();
    await vi.advanceTimersByTimeAsync(100);
    for (const held of tasks) held.release();
    await vi.advanceTimersByTimeAsync(100);
    for (const held of tasks) held.release();
    await Promise.all(runs);
    expect(log).toHaveLength(9);
  });

  it("serves a waiting reader before waiting background work", async () => {
    const budget = new UpstreamBudget({ perSecond: 1, concurrency: 4 });
    const order: UpstreamPriority[] = [];
    const note = (priority: UpstreamPriority) => budget.run(priority, async () => void order.push(priority));
    await note("reader"); // spends the one-token burst
    const queued = [note("index"), note("poller"), note("reader")];
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.allSettled(queued);
    expect(order.slice(0, 2)).toEqual(["reader", "reader"]);
  });

  it("gives the poller at most its share of the rate", async () => {
    const budget = new UpstreamBudget({ perSecond: 10, concurrency: 4 });
    let polls = 0;
    const runs = Array.from({ length: 200 }, () =>
      budget.run("poller", async () => void polls++).catch(() => undefined),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    // 40 % of 10 a second over 10 s, plus its burst of 4.
    expect(polls).toBeGreaterThanOrEqual(40);
    expect(polls).toBeLessThanOrEqual(44);
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all(runs);
  });
});

describe("budgetFromEnv", () => {
  it("defaults to 5 requests a second and 4 at once, and reads the environment", () => {
    expect(budgetFromEnv({})).toEqual({ perSecond: 5, concurrency: 4 });
    expect(budgetFromEnv({ PETITIONS_API_RATE: "50", PETITIONS_API_CONCURRENCY: "8" })).toEqual({
      perSecond: 50,
      concurrency: 8,
    });
    expect(budgetFromEnv({ PETITIONS_API_RATE: "-1", PETITIONS_API_CONCURRENCY: "x" })).toEqual({
      perSecond: 5,
      concurrency: 4,
    });
  });
});
