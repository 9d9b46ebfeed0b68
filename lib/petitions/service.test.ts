import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import seats2010 from "@/data/seats-2010.json";
import { sharedDir } from "@/scripts/data/paths";
import { FIXTURE_IDS, MISSING_ID } from "@/test/upstream/fixtures";
import { RISE_PER_SEAT } from "@/test/upstream/faults";
import { closedPort, expectPetitionError, withStandInUpstream } from "@/test/upstream/helpers";
import { UpstreamBudget } from "./budget";
import { createPetitionService, getPetition, SEED_PETITION_ID, type PetitionService } from "./service";

const FRESH_MS = 60_000;
const RETRY_MS = 10_000;

const upstream = withStandInUpstream();
const clock = { now: Date.parse("2026-05-01T12:00:00Z") };
let service: PetitionService;
const petitionPath = (id: number) => `/petitions/${id}.json`;
const requests = (path: string) => upstream.standIn.stats().byPath[path] ?? 0;

const freshService = () => {
  service = createPetitionService({ now: () => clock.now, freshMs: FRESH_MS, retryMs: RETRY_MS });
};

describe("the embedded seed petition", () => {
  it("is served from the bundle with no upstream call, even when upstream is unreachable", async () => {
    process.env.PETITIONS_API_BASE = `http://127.0.0.1:${await closedPort()}`;
    try {
      const load = await getPetition(SEED_PETITION_ID);
      const seedText = readFileSync(path.join(sharedDir, "seed", "000_4b7078e7d9f86b1b.txt"), "utf8");
      const total = Number(/\*\*([\d,]+) signatures\*\*/.exec(seedText)?.[1]?.replaceAll(",", ""));
      expect(load.source).toBe("embedded");
      expect(load.stale).toBe(false);
      expect(load.petition.signatureCount).toBe(total);
      expect(load.petition.byConstituency).toHaveLength(650);
      const codes2010 = new Set(seats2010.map((seat) => seat.code));
      expect(load.petition.byConstituency.every((row) => codes2010.has(row.code))).toBe(true);
      expect(load.asOf).toBe(load.petition.updatedAt);
      expect(upstream.log.lines).toEqual([]);
    } finally {
      process.env.PETITIONS_API_BASE = upstream.standIn.url;
    }
  });
});

describe("hasAnswer", () => {
  it("holds the seed, a fetched copy and a remembered 404, and nothing else, without asking upstream", async () => {
    freshService();
    expect(await service.hasAnswer(SEED_PETITION_ID)).toBe(true);
    expect(await service.hasAnswer(FIXTURE_IDS.open2024)).toBe(false);
    expect(await service.hasAnswer(MISSING_ID)).toBe(false);
    expect(await service.hasListAnswer({ page: 1 })).toBe(false);
    expect(upstream.standIn.stats().total).toBe(0);
    await service.getPetition(FIXTURE_IDS.open2024);
    expect((await expectPetitionError(service.getPetition(MISSING_ID))).kind).toBe("not-found");
    await service.listPetitions({ state: "open", page: "1" });
    expect(await service.hasAnswer(FIXTURE_IDS.open2024)).toBe(true);
    expect(await service.hasAnswer(MISSING_ID)).toBe(true);
    expect(await service.hasListAnswer({ state: "open", page: 1 })).toBe(true);
    expect(await service.hasListAnswer({ state: "open", page: 2 })).toBe(false);
  });
});

describe("getPetition through the cache", () => {
  it("makes exactly one upstream request for 50 concurrent callers", async () => {
    freshService();
    const loads = await Promise.all(
      Array.from({ length: 50 }, () => service.getPetition(FIXTURE_IDS.open2024)),
    );
    expect(requests(petitionPath(FIXTURE_IDS.open2024))).toBe(1);
    expect(new Set(loads.map((load) => load.petition)).size).toBe(1);
    expect(upstream.log.lines).toEqual([
      expect.objectContaining({ petition: FIXTURE_IDS.open2024, cache: "miss", outcome: "ok" }),
    ]);
  });

  it("serves the cached copy while fresh, then the last good copy (stale, with its time) when upstream fails", async () => {
    freshService();
    const fetchedAt = clock.now;
    const live = await service.getPetition(FIXTURE_IDS.open2024);
    expect(live).toMatchObject({ source: "live", stale: false, asOf: new Date(fetchedAt).toISOString() });

    clock.now += FRESH_MS - 1;
    expect(await service.getPetition(FIXTURE_IDS.open2024)).toMatchObject({ source: "cache", stale: false });
    expect(requests(petitionPath(FIXTURE_IDS.open2024))).toBe(1);

    for (const mode of ["5xx", "refuse", "malformed"] as const) {
      upstream.standIn.setMode({ mode }, FIXTURE_IDS.open2024);
      clock.now += FRESH_MS + RETRY_MS;
      const stale = await service.getPetition(FIXTURE_IDS.open2024);
      expect(stale).toMatchObject({ source: "cache", stale: true, asOf: new Date(fetchedAt).toISOString() });
      expect(stale.staleReason).toEqual(expect.any(String));
      expect(stale.petition).toEqual(live.petition);
    }
    expect(upstream.log.lines.slice(-3).map((line) => [line.cache, line.outcome])).toEqual([
      ["expired", "error"],
      ["expired", "error"],
      ["expired", "malformed"],
    ]);
  });

  it("is live again after recovery once the retry window has passed", async () => {
    freshService();
    await service.getPetition(FIXTURE_IDS.small);
    upstream.standIn.setMode({ mode: "5xx" }, FIXTURE_IDS.small);
    clock.now += FRESH_MS;
    expect((await service.getPetition(FIXTURE_IDS.small)).stale).toBe(true);
    upstream.standIn.setMode({ mode: "ok" }, FIXTURE_IDS.small);
    clock.now += RETRY_MS - 1;
    expect((await service.getPetition(FIXTURE_IDS.small)).stale).toBe(true);
    expect(requests(petitionPath(FIXTURE_IDS.small))).toBe(2);
    clock.now += 1;
    const recovered = await service.getPetition(FIXTURE_IDS.small);
    expect(recovered).toMatchObject({
      source: "live",
      stale: false,
      asOf: new Date(clock.now).toISOString(),
    });
  });

  it("shows rising counts once the freshness window passes", async () => {
    freshService();
    upstream.standIn.setMode({ mode: "rising" }, FIXTURE_IDS.open2024);
    const first = await service.getPetition(FIXTURE_IDS.open2024);
    clock.now += FRESH_MS;
    const second = await service.getPetition(FIXTURE_IDS.open2024);
    const seats = second.petition.byConstituency.length;
    expect(second.petition.signatureCount - first.petition.signatureCount).toBe(RISE_PER_SEAT * seats);
    const regionSum = (load: typeof first) =>
      (load.petition.byRegion ?? []).reduce((sum, r) => sum + r.count, 0);
    expect(regionSum(second) - regionSum(first)).toBe(RISE_PER_SEAT * seats);
  });

  it.each([
    ["5xx", { mode: "5xx" }, "unavailable", 502],
    ["refuse", { mode: "refuse" }, "unavailable", 503],
    ["malformed", { mode: "malformed" }, "malformed", 502],
    ["404", { mode: "404" }, "not-found", 404],
  ] as const)("with no good copy, %s → PetitionError %s %i", async (_name, mode, kind, status) => {
    freshService();
    upstream.standIn.setMode(mode, FIXTURE_IDS.closed2024);
    const error = await expectPetitionError(service.getPetition(FIXTURE_IDS.closed2024));
    expect({ kind: error.kind, status: error.status }).toEqual({ kind, status });
  });

  it("with no good copy, a timeout → 504", async () => {
    freshService();
    process.env.PETITIONS_API_TIMEOUT_MS = "100";
    upstream.standIn.setMode({ mode: "slow", delayMs: 1000 }, FIXTURE_IDS.closed2024);
    const error = await expectPetitionError(service.getPetition(FIXTURE_IDS.closed2024));
    expect({ kind: error.kind, status: error.status }).toEqual({ kind: "timeout", status: 504 });
  });

  it("remembers a 404 for a minute", async () => {
    freshService();
    await expectPetitionError(service.getPetition(MISSING_ID));
    await expectPetitionError(service.getPetition(MISSING_ID));
    expect(requests(petitionPath(MISSING_ID))).toBe(1);
    clock.now += 60_000;
    await expectPetitionError(service.getPetition(MISSING_ID));
    expect(requests(petitionPath(MISSING_ID))).toBe(2);
  });

  it("when the upstream budget is spent: busy (503, Retry-After) for an unknown petition, the copy for a known one", async () => {
    // One request, then one a minute; no waiting: the second upstream request in this test is refused.
    const budget = new UpstreamBudget({ perSecond: 1 / 60, concurrency: 4, maxWaitMs: { reader: 0 } });
    service = createPetitionService({ now: () => clock.now, freshMs: FRESH_MS, retryMs: RETRY_MS, budget });
    const known = await service.getPetition(FIXTURE_IDS.open2024);
    const error = await expectPetitionError(service.getPetition(FIXTURE_IDS.small));
    expect(error).toMatchObject({ kind: "busy", status: 503, retryAfterSeconds: expect.any(Number) });
    expect(error.message).toMatch(/try again/);
    clock.now += FRESH_MS;
    expect(await service.getPetition(FIXTURE_IDS.open2024)).toMatchObject({
      source: "cache",
      stale: true,
      asOf: known.asOf,
    });
    expect(upstream.standIn.stats().total).toBe(1);
    expect(budget.stats.refused.reader).toBe(2);
  });

  it.each([0, -1, 1.5, Number.NaN, 1_000_000_000])("refuses id %s without asking upstream", async (id) => {
    freshService();
    const error = await expectPetitionError(service.getPetition(id));
    expect(error.status).toBe(404);
    expect(upstream.standIn.stats().total).toBe(0);
  });
});

describe("listPetitions", () => {
  it("caches pages, serves a stale page when upstream fails, and throws with nothing cached", async () => {
    freshService();
    const live = await service.listPetitions({ state: "open", page: 1 });
    expect(live).toMatchObject({ source: "live", stale: false });
    expect(live.list.items).toHaveLength(50);
    await service.listPetitions({ state: "open", page: "1", q: "  " });
    expect(requests("/petitions.json")).toBe(1);

    upstream.standIn.setMode({ mode: "5xx" }, "list");
    clock.now += FRESH_MS;
    expect(await service.listPetitions({ state: "open", page: 1 })).toMatchObject({
      stale: true,
      source: "cache",
    });
    const error = await expectPetitionError(service.listPetitions({ state: "open", page: 2 }));
    expect(error.kind).toBe("unavailable");
  });

  it("treats unknown states and pages as the defaults", async () => {
    freshService();
    const load = await service.listPetitions({ state: "<script>", page: "-3" });
    expect(load.list.page).toBe(1);
    expect(load.list.items.every((item) => item.state === "open")).toBe(true);
  });
});
