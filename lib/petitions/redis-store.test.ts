import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { skipWithout } from "@/test/dependencies";
import { REDIS_MISSING, redisServerPath, startRedis, type RunningRedis } from "@/test/faults/redis-server";
import { captureUpstreamLog } from "@/test/upstream/helpers";
import { FIXTURE_IDS, MISSING_ID } from "@/test/upstream/fixtures";
import { startStandIn, type StandIn } from "@/test/upstream/server";
import { MemoryStore } from "./cache";
import { createPetitionService, PetitionError, type PetitionService } from "./index";
import { redisClient, RedisStore } from "./redis-store";

const FRESH_MS = 60_000;
const skipRedis = skipWithout(redisServerPath() !== null, REDIS_MISSING);

describe.skipIf(skipRedis)("petitions shared through Redis (two services = two app instances)", () => {
  let redis: RunningRedis;
  let standIn: StandIn;
  let log: ReturnType<typeof captureUpstreamLog>;
  const clock = { now: Date.parse("2026-05-01T12:00:00Z") };
  const calls = (id: number) => standIn.stats().byPath[`/petitions/${id}.json`] ?? 0;
  const instance = (): PetitionService => createPetitionService({ now: () => clock.now, freshMs: FRESH_MS });

  beforeAll(async () => {
    redis = await startRedis();
    standIn = await startStandIn();
    process.env.PETITIONS_API_BASE = standIn.url;
    process.env.REDIS_URL = redis.url;
    log = captureUpstreamLog();
  });
  afterEach(async () => {
    standIn.reset();
    log.lines.length = 0;
    await redisClient(redis.url).flushall();
  });
  afterAll(async () => {
    log.restore();
    redisClient(redis.url).disconnect();
    delete process.env.REDIS_URL;
    delete process.env.PETITIONS_API_BASE;
    await standIn.close();
    await redis.close();
  });

  it("serves a second instance from the first one's copy, with no upstream call", async () => {
    const [a, b] = [instance(), instance()];
    const first = await a.getPetition(FIXTURE_IDS.open2024);
    const second = await b.getPetition(FIXTURE_IDS.open2024);
    expect(first.source).toBe("live");
    expect(second).toMatchObject({ source: "cache", stale: false, asOf: first.asOf });
    expect(second.petition).toEqual(first.petition);
    expect(calls(FIXTURE_IDS.open2024)).toBe(1);
  });

  it("lets one instance ask upstream while the others wait for its answer", async () => {
    standIn.setMode({ mode: "slow", delayMs: 400 }, FIXTURE_IDS.small);
    const instances = [instance(), instance(), instance(), instance()];
    const loads = await Promise.all(instances.map((service) => service.getPetition(FIXTURE_IDS.small)));
    expect(calls(FIXTURE_IDS.small)).toBe(1);
    expect(new Set(loads.map((load) => load.petition.signatureCount)).size).toBe(1);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatchObject({ petition: FIXTURE_IDS.small, outcome: "ok", cache: "miss" });
    expect(log.lines[0]?.durationMs).toBeGreaterThanOrEqual(400);
  });

  it("asks again once the copy is past its freshness, still once for all instances", async () => {
    const [a, b] = [instance(), instance()];
    await a.getPetition(FIXTURE_IDS.closed2024);
    clock.now += FRESH_MS + 1;
    await Promise.all([a.getPetition(FIXTURE_IDS.closed2024), b.getPetition(FIXTURE_IDS.closed2024)]);
    expect(calls(FIXTURE_IDS.closed2024)).toBe(2);
    expect(log.lines.map((line) => line.cache)).toEqual(["miss", "expired"]);
  });

  it("does not fetch again when another instance stored a fresh copy after this one looked", async () => {
    const store = new RedisStore<string>(redisClient(redis.url), {
      prefix: "race:",
      errors: { encode: String, decode: String },
      lockMs: 1000,
    });
    // As if another instance finished its fetch (and released the lock) between our read and our lock.
    await store.set("k", { kind: "value", value: "theirs", storedAt: clock.now }, 60_000);
    let loads = 0;
    const load = async () => `ours ${++loads}`;
    const fresh = (entry: { storedAt: number }) => clock.now - entry.storedAt < FRESH_MS;
    expect(await store.loadOnce("k", load, fresh)).toBe("theirs");
    expect(await store.loadOnce("k", load, () => false)).toBe("ours 1");
    expect(loads).toBe(1);
  });

  it("shares a remembered not-found as a PetitionError", async () => {
    const [a, b] = [instance(), instance()];
    await expect(a.getPetition(MISSING_ID)).rejects.toMatchObject({ kind: "not-found", status: 404 });
    const error = await b.getPetition(MISSING_ID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PetitionError);
    expect(error).toMatchObject({ kind: "not-found", status: 404, upstreamStatus: 404 });
    expect(calls(MISSING_ID)).toBe(1);
  });

  it("gives another instance the stale copy when upstream fails after it expired", async () => {
    const [a, b] = [instance(), instance()];
    const good = await a.getPetition(FIXTURE_IDS.open2024);
    clock.now += FRESH_MS + 1;
    standIn.setMode({ mode: "5xx" });
    const stale = await b.getPetition(FIXTURE_IDS.open2024);
    expect(stale).toMatchObject({ stale: true, source: "cache", asOf: good.asOf });
    expect(stale.staleReason).toMatch(/HTTP 503/);
  });
});

describe.skipIf(skipRedis)("RedisStore when Redis is gone", () => {
  it("keeps answering from its in-process copy", async () => {
    const redis = await startRedis();
    const url = redis.url.replace("redis://", "redis://localhost-gone@").replace("localhost-gone@", "");
    const store = new RedisStore<string>(redisClient(url), {
      prefix: "test:",
      errors: { encode: String, decode: String },
      lockMs: 1000,
      fallback: new MemoryStore<unknown>(10),
    });
    await store.set("k", { kind: "value", value: "kept", storedAt: 1 }, 60_000);
    expect(await store.get("k")).toMatchObject({ value: "kept" });
    await redis.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await store.set("k2", { kind: "value", value: "memory only", storedAt: 2 }, 60_000);
    expect(await store.get("k")).toMatchObject({ value: "kept" });
    expect(await store.get("k2")).toMatchObject({ value: "memory only" });
    expect(await store.loadOnce("k3", async () => "loaded")).toBe("loaded");
    expect(Date.now() - started).toBeLessThan(1000);
    redisClient(url).disconnect();
  });
});
