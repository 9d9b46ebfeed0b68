import assert from "node:assert/strict";
import fc from "fast-check";
import { leaksInternals, rawGet, unclearError, type Answer } from "@/test/faults/http";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import type { StandIn } from "@/test/upstream/server";
import { test } from "./harness";

/** Hand-made attempts to steer the upstream URL elsewhere: other paths, hosts, ports, encodings, huge numbers. */
const CRAFTED = [
  "575833/../../admin",
  "..%2f..%2fadmin",
  "%2e%2e%2f%2e%2e%2fpetitions.json",
  "1@evil.example",
  "//evil.example/petitions/1",
  "http://evil.example/petitions/1.json",
  "https://petition.parliament.uk@evil.example/petitions/1",
  "https://petition.parliament.uk:8443/petitions/1",
  "petition.parliament.uk.evil.example/petitions/1",
  "https://petition.parliament.uk/petitions/1?x=https://evil.example",
  "1.json?redirect=//evil.example",
  "1%00",
  "1%0d%0aHost:%20evil.example",
  "1#../../x",
  "-1",
  "0",
  "00000000001",
  "1e3",
  "0x10",
  "１２３",
  "9999999999",
  "12345678901234567890",
  "NaN",
  "Infinity",
  " 1 ",
];

const hostile = fc.oneof(
  fc.constantFrom(...CRAFTED),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary-ascii", maxLength: 40 }),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);
const enc = encodeURIComponent;

/** The only upstream paths the app may ever ask for: one numeric petition, its archived twin, or the list. */
export function strayUpstreamPaths(standIn: StandIn): string[] {
  const allowed = /^\/(?:(?:archived\/)?petitions\/[1-9]\d{0,8}\.json|petitions\.json)$/;
  return Object.keys(standIn.stats().byPath).filter((path) => !allowed.test(path));
}

async function check(appUrl: string, path: string): Promise<Answer> {
  let answer: Answer;
  try {
    answer = await rawGet(appUrl, path);
  } catch (error) {
    throw new Error(`GET ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  assert.ok(answer.status < 500, `GET ${path} → ${answer.status}: ${answer.body.slice(0, 300)}`);
  const unclear = unclearError(answer);
  assert.equal(unclear, null, `GET ${path} → ${answer.status} with ${unclear}: ${answer.body.slice(0, 200)}`);
  assert.ok(!leaksInternals(answer.body), `GET ${path} leaks internals`);
  const location = answer.headers.location;
  if (location !== undefined) {
    assert.equal(new URL(location, appUrl).origin, new URL(appUrl).origin, `GET ${path} redirects off-site`);
  }
  return answer;
}

const RUNS = 200;

test("fuzz: hostile petition ids and links never cause a 5xx, an unclear error or a stray upstream path", async ({
  appUrl,
  standIn,
}) => {
  const requests = fc
    .tuple(hostile, hostile)
    .chain(([x, y]) =>
      fc.constantFrom(
        `/petitions/${enc(x)}`,
        `/petitions/${encodeURI(x).replace(/[?#]/g, enc)}`,
        `/petitions/${enc(x)}/constituencies.csv`,
        `/api/petitions/${enc(x)}`,
        `/open?petition=${enc(x)}`,
        `/find?q=${enc(x)}&petition=${enc(y)}`,
        `/petitions?q=${enc(x)}&page=${enc(y)}`,
      ),
    );
  await fc.assert(
    fc.asyncProperty(requests, async (path) => {
      await check(appUrl, path);
    }),
    { numRuns: RUNS },
  );
  assert.deepEqual(strayUpstreamPaths(standIn), [], "upstream paths other than a numeric petition");
});

test("fuzz: hostile postcodes and view parameters never cause a 5xx or an unclear error", async ({
  appUrl,
}) => {
  const postcodes = fc
    .oneof(
      hostile,
      fc.stringMatching(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/),
      fc.constantFrom("SW1A 1AA", "GY1 1AA"),
    )
    .map((x) => `/api/postcodes/${enc(x)}`);
  const views = fc
    .tuple(
      fc.constantFrom("/", `/petitions/${FIXTURE_IDS.open2024}`, "/api/petitions/575833", "/find?q=salford&"),
      fc.oneof(hostile, fc.constantFrom("E14000911", "e14000911", "E14099999")),
      fc.oneof(hostile, fc.constantFrom("count", "share", "perThousand", "SHARE")),
      fc.oneof(hostile, fc.constantFrom("-2.5,54.1,7", "0,0,0", "999,999,999", "NaN,NaN,NaN", "1,2")),
    )
    .map(
      ([path, area, metric, at]) =>
        `${path}${path.includes("?") ? "" : "?"}area=${enc(area)}&metric=${enc(metric)}&at=${enc(at)}`,
    );
  await Promise.all([
    fc.assert(
      fc.asyncProperty(postcodes, async (path) => {
        await check(appUrl, path);
      }),
      { numRuns: RUNS },
    ),
    fc.assert(
      fc.asyncProperty(views, async (path) => {
        await check(appUrl, path);
      }),
      { numRuns: RUNS },
    ),
  ]);
});

test("fuzz: crafted ids reach the petitions site only as /petitions/<number>.json", async ({
  appUrl,
  standIn,
}) => {
  // A zero-padded petition number no earlier test has asked for (so no remembered 404 hides its upstream call).
  const unseen = 300_000 + Math.floor(Math.random() * 99_999);
  for (const crafted of [...CRAFTED, String(unseen).padStart(9, "0")]) {
    for (const path of [
      // As typed: only what HTTP cannot carry raw is escaped, so %2f, .. and @ reach the app as they are.
      `/petitions/${crafted.replace(/[^!-~]|[#?]/g, enc)}`,
      `/petitions/${enc(crafted)}`,
      `/api/petitions/${enc(crafted)}`,
      `/open?petition=${enc(crafted)}`,
      `/find?q=x&petition=${enc(crafted)}`,
    ])
      await check(appUrl, path);
  }
  const seen = Object.keys(standIn.stats().byPath);
  assert.deepEqual(strayUpstreamPaths(standIn), [], `upstream paths: ${seen.join(", ")}`);
  // The ones that are petition numbers did go upstream, so the check above saw real traffic.
  assert.ok(seen.includes(`/petitions/${unseen}.json`), `upstream paths: ${seen.join(", ")}`);
});

/** Every route the app serves (app/ and the front server's static prefixes), with a slot per path parameter. */
const ROUTES = [
  "/",
  "/about",
  "/api/health",
  "/api/petitions/{id}",
  "/api/petitions/{id}/history",
  "/api/postcodes/{postcode}",
  "/compare",
  "/compare/{id}/{id}",
  "/compare/{id}/{id}/seats.csv",
  "/embed/petitions/{id}",
  "/find",
  "/og/petitions/{id}/map.png",
  "/open",
  "/petitions",
  "/petitions/{id}",
  "/petitions/{id}/constituencies.csv",
  "/seats/{code}",
  "/geo/{file}",
  "/_next/static/{file}",
];
/** Every query parameter a route reads (view state, search, history, compare, seat page), and one none reads. */
const PARAMS = [
  ...["area", "metric", "view", "region", "at", "q", "petition", "page", "from", "set"],
  ...["to", "limit", "seats", "a", "with", "location", "_rsc", "zz"],
];
/** What no route can decode: malformed or non-UTF-8 percent-encodings, control characters, NUL, traversal. */
const MALFORMED = [
  "%",
  "%zz",
  "%E0%A4%A",
  "%C0%AF",
  "%ED%A0%80",
  "%FF",
  "%00",
  "a%0d%0ab",
  "%09",
  "%7F",
  "%%",
  "..",
  "%2e%2e",
  "%2f..%2f",
];
const VALID = {
  id: [String(FIXTURE_IDS.open2024), String(FIXTURE_IDS.closed2024), "575833", "999999999"],
  code: ["E14000911", "E14001172", "W07000041"],
  postcode: ["SW1A%201AA", "EC1A1BB", "GY1%201AA"],
  file: ["hex-2010.0a7c788e.json", "pcon-2010.eb261d95.svg", "chunks/none.js"],
  value: ["E14000911", "share", "hex", "london", "-2.5,54.1,7", "Salford", "2", "2024", "all", "%2F"],
};

/** One slot's text as it goes on the wire: a valid value, a malformed one, an overlong one, or hostile text. */
function slot(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    { weight: 3, arbitrary: fc.constantFrom(...MALFORMED) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...valid, ""), fc.constantFrom(...MALFORMED), fc.constantFrom(...valid, ""))
        .map((parts) => parts.join("")),
    },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 3000 }).map((n) => "9".repeat(n)) },
    { weight: 2, arbitrary: hostile.map(enc) },
  );
}

const generatedRequest = fc
  .tuple(
    fc.constantFrom(...ROUTES),
    fc.record({
      id: slot(VALID.id),
      code: slot(VALID.code),
      postcode: slot(VALID.postcode),
      file: slot(VALID.file),
    }),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), slot(PARAMS)), slot(VALID.value)), {
      maxLength: 4,
    }),
  )
  .map(([route, slots, query]) => {
    const path = route.replace(/\{(\w+)\}/g, (_, name: keyof typeof slots) => slots[name]);
    return query.length === 0
      ? path
      : `${path}?${query.map(([name, value]) => `${name}=${value}`).join("&")}`;
  });

const GENERATED_RUNS = 1200;

test("fuzz: 1,200 generated paths and parameters over every route never answer 5xx or unclearly", async ({
  appUrl,
  standIn,
}) => {
  // A fixed seed, so a failure names a path that fails again; four at a time, as a busy page's readers would.
  const paths = fc.sample(generatedRequest, { numRuns: GENERATED_RUNS, seed: 16 });
  const statuses: number[] = [];
  for (let start = 0; start < paths.length; start += 4) {
    const answers = await Promise.all(paths.slice(start, start + 4).map((path) => check(appUrl, path)));
    statuses.push(...answers.map((answer) => answer.status));
  }
  // The mix reaches the routes themselves as well as the front check: both kinds of answer are many.
  const answered = statuses.filter((status) => status < 400).length;
  const refused = statuses.filter((status) => status === 400 || status === 414).length;
  assert.ok(answered >= 150 && refused >= 150, `${answered} answered, ${refused} refused as malformed`);
  assert.deepEqual(strayUpstreamPaths(standIn), [], "upstream paths other than a numeric petition");
});

test("fuzz: an undecodable path segment or parameter is a 400 that says so, on every route", async ({
  appUrl,
}) => {
  const undecodable = ["%E0%A4%A", "%", "%zz", "%C0%AF", "%00"];
  const targets = [
    ...ROUTES.filter((route) => route.includes("{")).flatMap((route) =>
      undecodable.map((bad) => route.replace(/\{\w+\}/g, bad)),
    ),
    ...PARAMS.flatMap((name) =>
      undecodable.map((bad) => `/petitions/${FIXTURE_IDS.open2024}?${name}=${bad}`),
    ),
  ];
  for (const target of targets) {
    const answer = await rawGet(appUrl, target);
    assert.equal(answer.status, 400, `GET ${target} → ${answer.status}`);
    assert.match(answer.body, /malformed percent-encoding/, `GET ${target}: ${answer.body.slice(0, 200)}`);
    const json = String(answer.headers["content-type"]).includes("application/json");
    assert.equal(json, target.startsWith("/api/"), `GET ${target}: ${answer.headers["content-type"]}`);
  }
});
