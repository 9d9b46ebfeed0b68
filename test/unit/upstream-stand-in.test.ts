import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import seats2010 from "@/data/seats-2010.json";
import seats2024 from "@/data/seats-2024.json";
import { sharedData } from "@/scripts/data/paths";
import { FIXTURE_IDS, LISTING_FILLER, MISSING_ID, UNKNOWN_ONS_CODE } from "@/test/upstream/fixtures";
import type { PetitionDoc } from "@/test/upstream/faults";
import { startStandIn, type StandIn } from "@/test/upstream/server";

const fixturesDir = path.resolve(__dirname, "../upstream/fixtures");
const fixture = (id: number) =>
  JSON.parse(readFileSync(path.join(fixturesDir, `${id}.json`), "utf8")) as PetitionDoc;
const codes = (seats: { code: string }[]) => new Set(seats.map((seat) => seat.code));
const rows = (id: number) => fixture(id).data.attributes.signatures_by_constituency ?? [];

describe("fixtures", () => {
  it("are what make-fixtures.ts makes from the current seat metadata", () => {
    const out = mkdtempSync(path.join(tmpdir(), "fixtures-"));
    try {
      execFileSync("npx", ["tsx", "test/upstream/make-fixtures.ts", "--out", out], { stdio: "pipe" });
      for (const file of readdirSync(fixturesDir)) {
        expect(readFileSync(path.join(out, file), "utf8"), file).toBe(
          readFileSync(path.join(fixturesDir, file), "utf8"),
        );
      }
      expect(readdirSync(out).sort()).toEqual(readdirSync(fixturesDir).sort());
    } finally {
      rmSync(out, { recursive: true });
    }
  }, 60_000);

  it.each([
    ["open2024", FIXTURE_IDS.open2024, seats2024],
    ["closed2024", FIXTURE_IDS.closed2024, seats2024],
    ["hostile", FIXTURE_IDS.hostile, seats2024],
    ["archived2019", FIXTURE_IDS.archived2019, seats2010],
  ] as const)("%s covers all 650 seats of its boundary set", (_name, id, seats) => {
    expect(new Set(rows(id).map((row) => row.ons_code))).toEqual(codes(seats));
  });

  it("gives the archived petition its type and parliament", () => {
    const { data } = fixture(FIXTURE_IDS.archived2019) as PetitionDoc & {
      data: { parliament?: { period: string } };
    };
    expect(data.type).toBe("archived-petition");
    expect(data.parliament?.period).toBe("2019-2024");
  });

  it("keeps the small petition small, with zero seats and missing seats", () => {
    const small = fixture(FIXTURE_IDS.small).data.attributes;
    expect(small.signature_count).toBeGreaterThan(5_000);
    expect(small.signature_count).toBeLessThan(15_000);
    const listed = rows(FIXTURE_IDS.small);
    expect(listed.some((row) => row.signature_count === 0)).toBe(true);
    expect(listed.length).toBeLessThan(650);
    expect(listed.every((row) => codes(seats2024).has(row.ons_code))).toBe(true);
  });

  it("puts script payloads in the hostile petition's texts", () => {
    const { action, background } = fixture(FIXTURE_IDS.hostile).data.attributes;
    expect(action).toContain("<script>alert(1)</script>");
    expect(background).toContain("<img src=x onerror=alert(1)>");
  });

  it("has one ons_code in neither set", () => {
    const unknown = rows(FIXTURE_IDS.unknownCode).filter(
      (row) => !codes(seats2024).has(row.ons_code) && !codes(seats2010).has(row.ons_code),
    );
    expect(unknown.map((row) => row.ons_code)).toEqual([UNKNOWN_ONS_CODE]);
  });
});

describe("stand-in server", () => {
  let standIn: StandIn;
  const get = (pathAndQuery: string, init?: RequestInit) => fetch(`${standIn.url}${pathAndQuery}`, init);
  const control = (body: unknown) => get("/__control", { method: "POST", body: JSON.stringify(body) });

  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterEach(() => standIn.reset());
  afterAll(() => standIn.close());

  it("redirects archived ids and serves them under /archived/", async () => {
    const redirect = await get(`/petitions/${FIXTURE_IDS.archived2019}.json`, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe(
      `${standIn.url}/archived/petitions/${FIXTURE_IDS.archived2019}.json`,
    );
    expect((await get(`/archived/petitions/${FIXTURE_IDS.open2024}.json`)).status).toBe(404);
    expect((await get(`/petitions/${MISSING_ID}.json`)).status).toBe(404);
  });

  it("lists pages with links.next and no breakdowns", async () => {
    const page = async (n: number) =>
      (await (await get(`/petitions.json?state=open&page=${n}&count=50`)).json()) as {
        links: { next: string | null };
        data: PetitionDoc["data"][];
      };
    const first = await page(1);
    const openFixtures = [
      FIXTURE_IDS.open2024,
      FIXTURE_IDS.small,
      FIXTURE_IDS.hostile,
      FIXTURE_IDS.unknownCode,
    ];
    expect(first.data).toHaveLength(50);
    expect(first.links.next).toBe(`${standIn.url}/petitions.json?state=open&page=2&count=50`);
    expect(first.data.some((item) => "signatures_by_constituency" in item.attributes)).toBe(false);
    const second = await page(2);
    expect(second.links.next).toBeNull();
    expect(first.data.length + second.data.length).toBe(openFixtures.length + LISTING_FILLER.count);
  });

  it("switches modes over HTTP, per petition, and counts requests per path", async () => {
    expect((await control({ mode: "5xx", target: FIXTURE_IDS.open2024 })).status).toBe(200);
    expect((await get(`/petitions/${FIXTURE_IDS.open2024}.json`)).status).toBe(503);
    expect((await get(`/petitions/${FIXTURE_IDS.small}.json`)).status).toBe(200);
    const stats = await (await get("/__stats")).json();
    expect(stats).toMatchObject({
      total: 2,
      byPath: { [`/petitions/${FIXTURE_IDS.open2024}.json`]: 1, [`/petitions/${FIXTURE_IDS.small}.json`]: 1 },
    });
    await get("/__reset", { method: "POST" });
    expect((await get(`/petitions/${FIXTURE_IDS.open2024}.json`)).status).toBe(200);
    expect(standIn.stats().total).toBe(1);
  });

  it("serves the real rejected petition from ../shared", async () => {
    const real = JSON.parse(
      readFileSync(sharedData("petitions", "petition_751154_2025_rejected_no_breakdown.json"), "utf8"),
    );
    expect(await (await get(`/petitions/${FIXTURE_IDS.rejected}.json`)).json()).toEqual(real);
  });

  it("refuses bad control requests", async () => {
    expect((await control({ mode: "explode" })).status).toBe(400);
    expect((await control({ mode: "5xx", target: "everything" })).status).toBe(400);
  });

  it("flaps between ok and 503 when set globally", async () => {
    await control({ mode: "flap" });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(`/petitions/${FIXTURE_IDS.small}.json`)).status);
    expect(statuses).toEqual([200, 503, 200, 503]);
  });

  it("serves invalid JSON or a document missing signature_count", async () => {
    standIn.setMode({ mode: "malformed", malformed: "invalid-json" }, FIXTURE_IDS.small);
    await expect((await get(`/petitions/${FIXTURE_IDS.small}.json`)).json()).rejects.toThrow();
    standIn.setMode({ mode: "malformed" }, FIXTURE_IDS.small);
    const doc = (await (await get(`/petitions/${FIXTURE_IDS.small}.json`)).json()) as PetitionDoc;
    expect(doc.data.attributes).not.toHaveProperty("signature_count");
  });

  it("drops the connection in refuse mode", async () => {
    standIn.setMode({ mode: "refuse" });
    await expect(get(`/petitions/${FIXTURE_IDS.small}.json`)).rejects.toThrow();
  });
});
