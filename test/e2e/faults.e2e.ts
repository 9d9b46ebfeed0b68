import assert from "node:assert/strict";
import { leaksInternals, loopFor, rawGet, unclearError } from "@/test/faults/http";
import { FIXTURE_IDS, LISTING_FILLER, MISSING_ID, UNKNOWN_ONS_CODE } from "@/test/upstream/fixtures";
import type { ModeSetting } from "@/test/upstream/server";
import { test } from "./harness";

/** The app under test runs with PETITIONS_CACHE_FRESH_MS=2000 (test/e2e/run.ts) and a 5 s upstream timeout. */
const PHASES: { name: string; setting: ModeSetting; ms: number }[] = [
  { name: "slow", setting: { mode: "slow", delayMs: 10_000 }, ms: 8_000 },
  { name: "5xx", setting: { mode: "5xx" }, ms: 5_000 },
  { name: "malformed", setting: { mode: "malformed", malformed: "invalid-json" }, ms: 3_000 },
  { name: "missing-field", setting: { mode: "malformed" }, ms: 3_000 },
  { name: "refuse", setting: { mode: "refuse" }, ms: 5_000 },
  { name: "flap", setting: { mode: "flap" }, ms: 5_000 },
];
const RECOVERY_LIMIT_MS = 60_000;

interface Sample {
  phase: string;
  path: string;
  status: number;
  stale: boolean | null;
}

test("faults: 30 s of slow, 5xx, malformed, refused and flapping upstream → no 5xx once a copy exists; fresh again after", async ({
  appUrl,
  standIn,
}) => {
  const id = FIXTURE_IDS.open2024;
  const paths = [`/petitions/${id}`, `/api/petitions/${id}`];
  for (const path of paths)
    assert.equal((await rawGet(appUrl, path)).status, 200, `${path} before the faults`);

  const samples: Sample[] = [];
  for (const phase of PHASES) {
    standIn.setMode(phase.setting, id);
    samples.push(
      ...(await loopFor(phase.ms, 3, async (n) => {
        const path = paths[n % 2] ?? paths[0]!;
        const answer = await rawGet(appUrl, path);
        const stale =
          path.startsWith("/api/") && answer.status === 200
            ? (JSON.parse(answer.body) as { stale: boolean }).stale
            : null;
        return { phase: phase.name, path, status: answer.status, stale };
      })),
    );
  }
  const failures = samples.filter((sample) => sample.status >= 500);
  assert.deepEqual(failures, [], `${failures.length} of ${samples.length} answers were 5xx`);
  for (const phase of PHASES.filter((phase) => phase.name !== "flap")) {
    const inPhase = samples.filter((sample) => sample.phase === phase.name);
    assert.ok(inPhase.length >= 2, `${phase.name}: only ${inPhase.length} requests`);
    // Past the 2 s freshness the app must have noticed the fault and said its copy is stale.
    assert.ok(
      inPhase.some((sample) => sample.stale === true),
      `${phase.name}: never served stale`,
    );
  }

  standIn.setMode({ mode: "ok" }, id);
  const recoveredAt = Date.now();
  let fresh: { stale: boolean; asOf: string } | undefined;
  while (Date.now() - recoveredAt < RECOVERY_LIMIT_MS) {
    const answer = await rawGet(appUrl, `/api/petitions/${id}`);
    const body = JSON.parse(answer.body) as { stale: boolean; asOf: string };
    if (answer.status === 200 && !body.stale && Date.parse(body.asOf) >= recoveredAt - 1000) {
      fresh = body;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.ok(fresh, `still stale ${RECOVERY_LIMIT_MS} ms after upstream recovered`);
  const staleCount = samples.filter((sample) => sample.stale === true).length;
  console.log(
    `  ${samples.length} requests under faults, 0 ≥ 500, ${staleCount} stale JSON answers; fresh ${Date.now() - recoveredAt} ms after recovery`,
  );
  const page = await rawGet(appUrl, `/petitions/${id}`);
  assert.equal(page.status, 200);
});

// Filler petitions no other test opens, so there is no copy of them to fall back on.
const NO_COPY = [0, 1, 2, 3, 4].map((n) => LISTING_FILLER.first + LISTING_FILLER.count - 1 - n);

test("faults: with no copy and upstream down, petition pages and API answer 502/503/504 honestly; unusable 502, unknown 404", async ({
  appUrl,
  standIn,
}) => {
  const cases: { setting: ModeSetting; status: number }[] = [
    { setting: { mode: "5xx" }, status: 502 },
    { setting: { mode: "refuse" }, status: 503 },
    { setting: { mode: "malformed", malformed: "invalid-json" }, status: 502 },
    { setting: { mode: "malformed" }, status: 502 },
    { setting: { mode: "slow", delayMs: 10_000 }, status: 504 },
  ];
  for (const [index, { setting, status }] of cases.entries()) {
    const id = NO_COPY[index]!;
    standIn.setMode(setting, id);
    const page = await rawGet(appUrl, `/petitions/${id}?area=E14000911`);
    const label = `${setting.mode}${setting.malformed ? `/${setting.malformed}` : ""}`;
    assert.equal(page.status, status, `${label}: page status`);
    assert.match(String(page.headers["content-type"]), /^text\/html/, label);
    assert.match(page.body, /<h1>[^<]+<\/h1>/, `${label}: heading`);
    assert.ok(
      page.body.includes(`<a href="/petitions/${id}?area=E14000911">Try again</a>`),
      `${label}: Try again`,
    );
    assert.ok(!leaksInternals(page.body), `${label}: no stack trace`);
    assert.equal(page.headers["cache-control"], "no-store", label);
    if (setting.mode !== "slow") {
      const api = await rawGet(appUrl, `/api/petitions/${id}`);
      assert.equal(api.status, status, `${label}: API status`);
      assert.ok((JSON.parse(api.body) as { error: string }).error.length > 0, `${label}: API message`);
    }
  }
  const unusable = await rawGet(appUrl, `/petitions/${FIXTURE_IDS.unknownCode}`);
  assert.equal(unusable.status, 502, "constituency codes from neither boundary set");
  assert.ok(unusable.body.includes(UNKNOWN_ONS_CODE), "the page names the unknown code");
  const unknown = await rawGet(appUrl, `/petitions/${MISSING_ID}`);
  assert.equal(unknown.status, 404);
  assert.equal(unclearError(unknown), null, "the not-found page has a heading");
});
