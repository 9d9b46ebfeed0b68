import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPetitionService, PetitionError, type PetitionLoad } from "@/lib/petitions";
import { openPetition } from "@/test/history/petitions";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { captureUpstreamLog } from "@/test/upstream/helpers";
import { startStandIn, type StandIn } from "@/test/upstream/server";
import { Poller, type PollerOptions } from "./poller";
import { openSqlite } from "./sqlite-sql";
import { HistoryStore } from "./store";

const INTERVAL = 60_000;
const JITTER = 5_000;
const T0 = Date.parse("2026-03-01T12:00:00Z");
const clock = { now: T0 };
let dir: string;
let store: HistoryStore;

beforeEach(async () => {
  clock.now = T0;
  dir = mkdtempSync(path.join(os.tmpdir(), "history-poller-"));
  store = await HistoryStore.open(openSqlite(dir));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

type Answer = "open" | "closed" | "stale" | "down" | "gone";

/** A getPetition stand-in answering per id from a script, and counting calls. */
function scripted(answers: Record<number, Answer>) {
  const calls: { id: number; at: number }[] = [];
  const getPetition = async (id: number): Promise<PetitionLoad> => {
    calls.push({ id, at: clock.now });
    const answer = answers[id] ?? "open";
    if (answer === "down") throw new PetitionError("unavailable", "HTTP 503");
    if (answer === "gone") throw new PetitionError("not-found", "No such petition");
    const petition = { ...openPetition(), id, state: answer === "closed" ? "closed" : "open" } as const;
    return { petition, asOf: new Date(clock.now).toISOString(), stale: answer === "stale", source: "live" };
  };
  return { calls, getPetition };
}

function poller(getPetition: PollerOptions["getPetition"], extra: Partial<PollerOptions> = {}) {
  return new Poller({
    store: async () => store,
    getPetition,
    intervalMs: INTERVAL,
    jitterMs: JITTER,
    now: () => clock.now,
    random: () => 0.5,
    ...extra,
  });
}

/** Runs ticks every `stepMs` for `durationMs` of fake time. */
async function run(target: Poller, durationMs: number, stepMs = 1_000) {
  for (const end = clock.now + durationMs; clock.now < end; clock.now += stepMs) await target.tick();
}

describe("the history poller", () => {
  it("follows petitions viewed in the last 24 hours and the configured ones, nothing else", async () => {
    await store.noteViewers(new Map([[101, 1]]), T0 - 3_600_000);
    await store.noteViewers(new Map([[102, 5]]), T0 - 25 * 3_600_000);
    const { calls, getPetition } = scripted({});
    await run(poller(getPetition, { track: [103] }), 10_000);
    expect([...new Set(calls.map((call) => call.id))].sort()).toEqual([101, 103]);
  });

  it("calls each petition at most once a minute, after a jittered start", async () => {
    await store.noteViewers(new Map([[101, 1]]), T0);
    const { calls, getPetition } = scripted({});
    await run(poller(getPetition), 10 * 60_000);
    const times = calls.map((call) => call.at - T0);
    // Ticks are a second apart: the first poll falls on the tick after its jittered due time.
    expect(times[0]).toBe(Math.ceil(JITTER / 2 / 1000) * 1000);
    const gaps = times.slice(1).map((at, index) => at - times[index]!);
    expect(gaps.every((gap) => gap >= INTERVAL && gap <= INTERVAL + JITTER)).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(9);
  });

  it.each<Answer>(["down", "stale"])("backs off exponentially while answers are %s", async (answer) => {
    const { calls, getPetition } = scripted({ 101: answer });
    await run(poller(getPetition, { track: [101], maxBackoffMs: 8 * INTERVAL }), 40 * 60_000);
    const gaps = calls.slice(1).map((call, index) => call.at - calls[index]!.at);
    const expected = [2, 4, 8, 8, 8].map((factor) => factor * INTERVAL + JITTER / 2);
    expect(gaps.slice(0, 5)).toEqual(expected.map((gap) => Math.ceil(gap / 1000) * 1000));
  });

  it("follows at most maxTracked petitions, the most watched, a few polls at a time", async () => {
    // 1,000 petitions viewed, petition n by n clients.
    await store.noteViewers(new Map(Array.from({ length: 1000 }, (_, n) => [n + 1, n + 1])), T0);
    let inFlight = 0;
    let mostInFlight = 0;
    const { calls, getPetition } = scripted({});
    const slow = async (id: number) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      return getPetition(id);
    };
    await run(poller(slow, { maxTracked: 20, concurrency: 3, track: [5000] }), 5 * 60_000, 5_000);
    const followed = new Set(calls.map((call) => call.id));
    expect(followed).toEqual(new Set([5000, ...Array.from({ length: 19 }, (_, n) => 1000 - n)]));
    expect(mostInFlight).toBe(3);
  });

  it.each<Answer>(["closed", "gone"])("stops polling a petition once it is %s", async (answer) => {
    const { calls, getPetition } = scripted({ 101: answer });
    const target = poller(getPetition, { track: [101] });
    await run(target, 10 * 60_000);
    expect(calls).toHaveLength(1);
    expect(target.due.size).toBe(0);
  });
});

describe("the poller and page traffic", () => {
  let standIn: StandIn;
  let log: ReturnType<typeof captureUpstreamLog>;
  beforeAll(async () => {
    standIn = await startStandIn();
    process.env.PETITIONS_API_BASE = standIn.url;
    log = captureUpstreamLog();
  });
  afterAll(async () => {
    log.restore();
    delete process.env.PETITIONS_API_BASE;
    await standIn.close();
  });

  it("share one upstream call per minute through getPetition's cache", async () => {
    const service = createPetitionService({ now: () => clock.now, freshMs: INTERVAL });
    const id = FIXTURE_IDS.open2024;
    const calls = () => standIn.stats().byPath[`/petitions/${id}.json`] ?? 0;
    await service.getPetition(id); // a page view just before the poller starts
    const target = poller((petitionId) => service.getPetition(petitionId), { track: [id] });
    await run(target, 5 * 60_000, 5_000);
    // One call per elapsed minute, the page view's included.
    expect(calls()).toBeGreaterThanOrEqual(4);
    expect(calls()).toBeLessThanOrEqual(6);
    expect(target.due.get(id)).toBeGreaterThan(clock.now);
  });
});
