import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { reshapePetition } from "@/lib/petitions/reshape";
import { PetitionError, type PetitionErrorKind } from "@/lib/petitions/errors";
import type { PetitionLoad } from "@/lib/petitions";

// Every caller reaches the petitions site through getPetition; each case below makes it fail one way.
const getPetition = vi.hoisted(() => vi.fn<(id: number) => Promise<PetitionLoad>>());
vi.mock("@/lib/petitions/service", async (original) => ({
  ...(await original<typeof import("@/lib/petitions/service")>()),
  getPetition,
}));

const { GET: tableRoute } = await import("@/app/api/petitions/[id]/route");
const { GET: csvRoute } = await import("@/app/petitions/[id]/constituencies.csv/route");
const { GET: historyRoute } = await import("@/app/api/petitions/[id]/history/route");
const { GET: pngRoute } = await import("@/app/og/petitions/[id]/map.png/route");
const { proxy } = await import("@/proxy");
const { loadPetitionOrNotFound } = await import("@/lib/load/page");

/** An answer whose constituency codes are in neither boundary set. */
function unknownBoundaries(id: number): PetitionLoad {
  const petition = reshapePetition(seedJson);
  return {
    petition: {
      ...petition,
      id,
      byConstituency: petition.byConstituency.map((row) => ({ ...row, code: `X${row.code.slice(1)}` })),
    },
    asOf: new Date().toISOString(),
    stale: false,
    // Embedded: no signature history is read for it.
    source: "embedded",
  };
}

const upstreamKinds: [PetitionErrorKind, number][] = [
  ["not-found", 404],
  ["unavailable", 502],
  ["timeout", 504],
  ["malformed", 502],
  ["busy", 503],
];

type Case = { kind: string; status: number; fail: () => void };
const CASES: Case[] = [
  ...upstreamKinds.map(([kind, status]) => ({
    kind,
    status,
    fail: () =>
      getPetition.mockRejectedValue(
        new PetitionError(kind, `upstream said ${kind}`, kind === "busy" ? { retryAfterSeconds: 7 } : {}),
      ),
  })),
  {
    kind: "unknown-boundaries",
    status: 502,
    fail: () => getPetition.mockImplementation(async (id) => unknownBoundaries(id)),
  },
  { kind: "internal", status: 503, fail: () => getPetition.mockRejectedValue(new Error("disk on fire")) },
];

const ID = "880001";
const params = (id = ID) => ({ params: Promise.resolve({ id }) });
const JSON_ROUTES = {
  "GET /api/petitions/{id}": (id?: string) => tableRoute(new Request("http://localhost/"), params(id)),
  "GET /petitions/{id}/constituencies.csv": (id?: string) =>
    csvRoute(new Request("http://localhost/"), params(id)),
  "GET /api/petitions/{id}/history": (id?: string) =>
    historyRoute(new Request("http://localhost/api/petitions/1/history"), params(id)),
};

beforeEach(() => vi.spyOn(console, "error").mockImplementation(() => undefined));
afterEach(() => {
  getPetition.mockReset();
  vi.restoreAllMocks();
});

describe.each(Object.entries(JSON_ROUTES))("%s answers every failure as JSON", (route, call) => {
  it("a bad id is 400 with the one message", async () => {
    const response = await call("12x");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "A petition id is a number, e.g. 575833." });
    expect(getPetition).not.toHaveBeenCalled();
  });

  // The history route reads stored counts and joins nothing to seats, so no boundary set can fail it.
  const cases = route.endsWith("/history")
    ? CASES.filter(({ kind }) => kind !== "unknown-boundaries")
    : CASES;
  it.each(cases)("$kind is $status, never cached", async ({ kind, status, fail }) => {
    fail();
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Retry-After")).toBe(kind === "busy" ? "7" : null);
    const { error } = (await response.json()) as { error: string };
    if (kind === "internal") expect(error).not.toContain("disk on fire");
    else if (kind !== "unknown-boundaries") expect(error).toBe(`upstream said ${kind}`);
    else expect(error).toMatch(/neither boundary set/);
  });
});

describe("GET /og/petitions/{id}/map.png answers every failure as plain text", () => {
  it("a bad id is 400", async () => {
    const response = await pngRoute(new Request("http://localhost/"), params("x"));
    expect([response.status, await response.text()]).toEqual([
      400,
      "A petition id is a number, e.g. 575833.",
    ]);
  });

  it.each(CASES)("$kind is $status", async ({ status, fail }) => {
    fail();
    const response = await pngRoute(new Request("http://localhost/"), params());
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
  });
});

describe("the proxy's pre-check of a petition page answers every failure but not-found with an HTML page", () => {
  it.each(CASES)("$kind", async ({ kind, status, fail }) => {
    fail();
    const response = await proxy(new NextRequest(`http://localhost/petitions/${ID}`));
    if (kind === "not-found") {
      expect(response.headers.get("x-middleware-rewrite")).toMatch(/\/petition-not-found$/);
      return;
    }
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await response.text();
    if (kind === "internal") expect(html).not.toContain("disk on fire");
  });
});

describe("the page loader", () => {
  it.each(CASES)("$kind", async ({ kind, fail }) => {
    fail();
    const loading = loadPetitionOrNotFound(Number(ID));
    // Not-found becomes the 404 page; any other failure is the error boundary's (the proxy answered it first).
    if (kind === "not-found") await expect(loading).rejects.toMatchObject({ digest: /;404$/ });
    else await expect(loading).rejects.not.toMatchObject({ digest: /;404$/ });
  });
});
