import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { FIXTURE_IDS, MISSING_ID } from "@/test/upstream/fixtures";
import { fetchPetition, fetchPetitionList, USER_AGENT } from "./client";
import { reshapePetition } from "./reshape";
import { closedPort, expectPetitionError, withStandInUpstream } from "@/test/upstream/helpers";

const fixture = (id: number) =>
  JSON.parse(
    readFileSync(new URL(`../../test/upstream/fixtures/${id}.json`, import.meta.url), "utf8"),
  ) as unknown;

const upstream = withStandInUpstream();

describe("fetchPetition against the stand-in", () => {
  it("reads an open petition the same way reshapePetition reads its fixture", async () => {
    const petition = await fetchPetition(FIXTURE_IDS.open2024);
    expect(petition).toEqual(reshapePetition(fixture(FIXTURE_IDS.open2024)));
    expect(petition.byConstituency).toHaveLength(650);
    expect(petition.byRegion?.every((region) => /^[ENSW]\d{8}$/.test(region.code))).toBe(true);
    expect(upstream.standIn.stats().lastUserAgent).toBe(USER_AGENT);
  });

  it("follows the redirect to /archived/ and marks the petition archived", async () => {
    const petition = await fetchPetition(FIXTURE_IDS.archived2019);
    expect(petition.archived).toBe(true);
    expect(petition.parliament?.period).toBe("2019-2024");
    expect(petition.url).toBe(
      `https://petition.parliament.uk/archived/petitions/${FIXTURE_IDS.archived2019}`,
    );
    expect(upstream.standIn.stats().byPath).toEqual({
      [`/petitions/${FIXTURE_IDS.archived2019}.json`]: 1,
      [`/archived/petitions/${FIXTURE_IDS.archived2019}.json`]: 1,
    });
    expect(upstream.log.lines[0]?.finalUrl).toBe(
      `${upstream.standIn.url}/archived/petitions/${FIXTURE_IDS.archived2019}.json`,
    );
  });

  it.each([
    ["another host", (origin: string, id: number) => `http://localhost:1/archived/petitions/${id}.json`],
    ["another path", (origin: string) => `${origin}/admin.json`],
    ["another petition", (origin: string, id: number) => `${origin}/archived/petitions/${id + 1}.json`],
  ])("refuses a redirect to %s without following it", async (_name, target) => {
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? "");
      res.writeHead(302, { location: target(`http://127.0.0.1:${port}`, FIXTURE_IDS.small) }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    process.env.PETITIONS_API_BASE = `http://127.0.0.1:${port}`;
    try {
      const error = await expectPetitionError(fetchPetition(FIXTURE_IDS.small));
      expect(error).toMatchObject({ kind: "malformed", upstreamStatus: 302 });
      expect(requests).toEqual([`/petitions/${FIXTURE_IDS.small}.json`]);
    } finally {
      process.env.PETITIONS_API_BASE = upstream.standIn.url;
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("writes one log line per call", async () => {
    await fetchPetition(FIXTURE_IDS.small, { log: { cache: "miss" } });
    expect(upstream.log.lines).toEqual([
      {
        event: "upstream",
        petition: FIXTURE_IDS.small,
        cache: "miss",
        url: `${upstream.standIn.url}/petitions/${FIXTURE_IDS.small}.json`,
        finalUrl: `${upstream.standIn.url}/petitions/${FIXTURE_IDS.small}.json`,
        durationMs: expect.any(Number),
        outcome: "ok",
        status: 200,
        priority: "reader",
      },
    ]);
  });

  it.each([
    ["unknown id", MISSING_ID, undefined, "not-found", 404, "not-found", 404],
    ["404 mode", FIXTURE_IDS.open2024, { mode: "404" }, "not-found", 404, "not-found", 404],
    ["503", FIXTURE_IDS.open2024, { mode: "5xx" }, "unavailable", 502, "error", 503],
    [
      "invalid JSON",
      FIXTURE_IDS.open2024,
      { mode: "malformed", malformed: "invalid-json" },
      "malformed",
      502,
      "malformed",
      200,
    ],
    [
      "missing field",
      FIXTURE_IDS.open2024,
      { mode: "malformed", malformed: "missing-field" },
      "malformed",
      502,
      "malformed",
      200,
    ],
    ["socket destroyed", FIXTURE_IDS.open2024, { mode: "refuse" }, "unavailable", 503, "error", null],
    ["archived and 503", FIXTURE_IDS.archived2019, { mode: "5xx" }, "unavailable", 502, "error", 503],
  ] as const)("%s → %s", async (_name, id, mode, kind, status, outcome, upstreamStatus) => {
    if (mode) upstream.standIn.setMode(mode, id);
    const error = await expectPetitionError(fetchPetition(id));
    expect({ kind: error.kind, status: error.status }).toEqual({ kind, status });
    expect(upstream.log.lines).toHaveLength(1);
    expect(upstream.log.lines[0]).toMatchObject({ petition: id, outcome, status: upstreamStatus });
  });

  it("gives up after PETITIONS_API_TIMEOUT_MS", async () => {
    process.env.PETITIONS_API_TIMEOUT_MS = "150";
    upstream.standIn.setMode({ mode: "slow", delayMs: 2000 }, FIXTURE_IDS.open2024);
    const started = performance.now();
    const error = await expectPetitionError(fetchPetition(FIXTURE_IDS.open2024));
    expect({ kind: error.kind, status: error.status }).toEqual({ kind: "timeout", status: 504 });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(upstream.log.lines[0]).toMatchObject({ outcome: "timeout", status: null });
  });

  it("answers 503 when nothing listens", async () => {
    process.env.PETITIONS_API_BASE = `http://127.0.0.1:${await closedPort()}`;
    try {
      const error = await expectPetitionError(fetchPetition(FIXTURE_IDS.open2024));
      expect({ kind: error.kind, status: error.status }).toEqual({ kind: "unavailable", status: 503 });
    } finally {
      process.env.PETITIONS_API_BASE = upstream.standIn.url;
    }
  });
});

describe("fetchPetitionList against the stand-in", () => {
  it("pages through open petitions", async () => {
    const first = await fetchPetitionList({ state: "open", q: "", page: 1 });
    expect(first.items).toHaveLength(50);
    expect(first.nextPage).toBe(2);
    const second = await fetchPetitionList({ state: "open", q: "", page: 2 });
    expect(second.nextPage).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...first.items, ...second.items].every((item) => item.state === "open")).toBe(true);
  });

  it("searches", async () => {
    const found = await fetchPetitionList({ state: "all", q: "hedgerows", page: 1 });
    expect(found.items.map((item) => item.id)).toEqual([FIXTURE_IDS.closed2024]);
    expect(upstream.standIn.stats().byPath).toEqual({ "/petitions.json": 1 });
  });

  it("fails typed when the list is down", async () => {
    upstream.standIn.setMode({ mode: "5xx" }, "list");
    const error = await expectPetitionError(fetchPetitionList({ state: "open", q: "", page: 1 }));
    expect(error.kind).toBe("unavailable");
    expect(upstream.log.lines[0]).toMatchObject({ petition: null, outcome: "error", status: 503 });
  });
});
