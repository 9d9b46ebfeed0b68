import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { loadPetition } from "@/lib/load/petition";
import { startHistory, stopHistory } from "@/lib/history/runtime";
import { RISE_PER_SEAT } from "@/test/upstream/faults";
import { FIXTURE_IDS, MISSING_ID } from "@/test/upstream/fixtures";
import { startStandIn, type StandIn } from "@/test/upstream/server";
import { eventually } from "@/test/e2e/support/eventually";

const FRESH_MS = 300;
let standIn: StandIn;
let dir: string;
let GET: typeof import("@/app/api/petitions/[id]/history/route").GET;

interface Body {
  petition: { id: number; state: string };
  milestones: { kind: string; at: string; signatures: number | null }[];
  points: { at: string; total: number; seat?: number; seats?: number[] }[];
  codes?: string[];
  error?: string;
}

async function history(
  id: number | string,
  query = "",
): Promise<{ status: number; body: Body; cache: string | null }> {
  const request = new Request(`http://localhost/api/petitions/${id}/history${query}`);
  const response = await GET(request, { params: Promise.resolve({ id: String(id) }) });
  return {
    status: response.status,
    body: (await response.json()) as Body,
    cache: response.headers.get("Cache-Control"),
  };
}

beforeAll(async () => {
  standIn = await startStandIn();
  dir = mkdtempSync(path.join(os.tmpdir(), "history-api-"));
  Object.assign(process.env, {
    PETITIONS_API_BASE: standIn.url,
    PETITIONS_CACHE_FRESH_MS: String(FRESH_MS),
    HISTORY_DIR: dir,
    HISTORY_POLLER: "off",
  });
  // As instrumentation.ts does when a server starts: every upstream fetch is recorded from then on.
  startHistory();
  ({ GET } = await import("@/app/api/petitions/[id]/history/route"));
});

afterAll(async () => {
  await stopHistory();
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("GET /api/petitions/{id}/history", () => {
  it("returns a snapshot per fetch window while the counts rise", async () => {
    standIn.setMode({ mode: "rising" }, FIXTURE_IDS.open2024);
    const seat = "E14001063";
    const first = await history(FIXTURE_IDS.open2024);
    expect(first.status).toBe(200);
    expect(first.cache).toMatch(/^public, max-age=\d+/);
    await new Promise((resolve) => setTimeout(resolve, FRESH_MS + 50));
    await history(FIXTURE_IDS.open2024);

    const { body } = await eventually(
      async () => {
        const answer = await history(FIXTURE_IDS.open2024, `?area=${seat.toLowerCase()}`);
        expect(answer.body.points.length).toBeGreaterThanOrEqual(2);
        return answer;
      },
      { what: "two snapshots" },
    );
    const [a, b] = body.points;
    expect(Date.parse(b!.at)).toBeGreaterThan(Date.parse(a!.at));
    expect(b!.total).toBeGreaterThan(a!.total);
    expect(b!.seat! - a!.seat!).toBe(RISE_PER_SEAT);
    expect(body.petition).toMatchObject({ id: FIXTURE_IDS.open2024, state: "open" });

    const frames = await history(FIXTURE_IDS.open2024, "?seats=all");
    expect(frames.body.codes).toHaveLength(650);
    const index = frames.body.codes!.indexOf(seat);
    expect(frames.body.points.map((point) => point.seats![index])).toEqual(
      body.points.map((point) => point.seat),
    );
  });

  it("gives the petition's seats their momentum since the first snapshot, for the JSON and not the page", async () => {
    const seat = "E14001063";
    const { body } = await history(FIXTURE_IDS.open2024, `?area=${seat}`);
    const first = body.points[0]!;
    const loaded = await loadPetition(FIXTURE_IDS.open2024, { momentum: true });
    const row = loaded.joined.rows.find((candidate) => candidate.code === seat)!;
    expect(row.momentum?.day).toBe(row.count - first.seat!);
    expect(row.momentum?.day).toBeGreaterThan(0);
    expect(loaded.scales.momentum.max).toBeGreaterThan(0);
    // A page's load never reads the history: the browser fetches the momentum after the map.
    const forPage = await loadPetition(FIXTURE_IDS.open2024);
    expect(forPage.joined.rows.some((candidate) => candidate.momentum)).toBe(false);
  });

  it("has no points for the embedded seed, only its dated milestones", async () => {
    const { status, body } = await history(575833);
    expect(status).toBe(200);
    expect(body.points).toEqual([]);
    const attributes = seedJson.data.attributes;
    const dated: [string, string | null][] = [
      ["opened", attributes.opened_at],
      ["response-threshold", attributes.response_threshold_reached_at],
      ["response", attributes.government_response_at],
      ["debate-threshold", attributes.debate_threshold_reached_at],
      ["debate", attributes.debate_outcome_at],
      ["closed", attributes.closed_at],
    ];
    const expected = dated
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .sort((x, y) => Date.parse(x[1]) - Date.parse(y[1]));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(body.milestones.map((milestone) => [milestone.kind, milestone.at])).toEqual(expected);
  });

  it("answers 404 for a petition the site does not have", async () => {
    const { status, body } = await history(MISSING_ID);
    expect(status).toBe(404);
    expect(body.error).toBeTruthy();
  });

  it.each([
    ["abc", "", /petition id/],
    [FIXTURE_IDS.open2024, "?from=yesterday", /^from must be an ISO 8601 time/],
    [FIXTURE_IDS.open2024, "?to=2026-13-01T00:00:00Z", /^to must be/],
    [
      FIXTURE_IDS.open2024,
      "?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z",
      /^from must not be after to/,
    ],
    [FIXTURE_IDS.open2024, "?area=Z123", /^area must be a constituency's ONS code/],
    [FIXTURE_IDS.open2024, "?limit=1", /^limit must be at least 2/],
    [FIXTURE_IDS.open2024, "?limit=ten", /^limit must be a number/],
    [FIXTURE_IDS.open2024, "?seats=all&limit=1000", /^limit must be at most 300/],
    [FIXTURE_IDS.open2024, "?seats=some", /^seats must be "all"/],
  ])("rejects /%s/history%s with 400", async (id, query, message) => {
    const { status, body, cache } = await history(id, query);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
    expect(cache).toBe("no-store");
  });
});
