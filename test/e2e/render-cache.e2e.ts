import assert from "node:assert/strict";
import { loopFor, rawGet } from "@/test/faults/http";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { startStandIn, type StandIn } from "@/test/upstream/server";
import { test } from "./harness";
import { waitForMapReady } from "./support/atlas";
import { startApp, type RunningApp } from "./support/processes";

const PETITION = FIXTURE_IDS.open2024;

/** Its own stand-in and app: the default 60 s freshness and a cold cache, unlike the shared test app. */
async function withOwnApp(run: (url: string, standIn: StandIn) => Promise<void>): Promise<void> {
  const standIn = await startStandIn();
  let app: RunningApp | null = null;
  try {
    app = await startApp({ env: { PETITIONS_API_BASE: standIn.url, HISTORY_POLLER: "off" } });
    await run(app.url, standIn);
  } finally {
    await app?.close();
    await standIn.close();
  }
}

test("render cache: one view, one set of bytes: same body, ETag and CSP 1 s apart; 304 on If-None-Match", () =>
  withOwnApp(async (appUrl) => {
    const path = `/petitions/${PETITION}?metric=rate`;
    const first = await rawGet(appUrl, path);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The camera and unknown parameters change nothing on the server, so they share the rendered view.
    const second = await rawGet(appUrl, `${path}&at=53.48,-2.24,9.5&utm_source=news`);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.ok(first.headers.etag, "a strong ETag");
    assert.doesNotMatch(first.headers.etag, /^W\//);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(second.headers["content-security-policy"], first.headers["content-security-policy"]);
    assert.ok(second.body === first.body, "identical bytes");
    assert.equal(
      first.headers["cache-control"],
      "public, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400",
    );

    const revalidated = await rawGet(appUrl, path, { "if-none-match": first.headers.etag });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.body, "");
    const other = await rawGet(appUrl, `/petitions/${PETITION}?metric=share`);
    assert.notEqual(other.headers.etag, first.headers.etag, "another view is another page");
    const gzipped = await rawGet(appUrl, path, { "accept-encoding": "gzip" });
    assert.equal(gzipped.headers["content-encoding"], "gzip");
    assert.notEqual(gzipped.headers.etag, first.headers.etag, "each encoding has its own strong ETag");
    assert.equal((await rawGet(appUrl, path, { "if-none-match": String(gzipped.headers.etag) })).status, 304);
  }));

test(
  "render cache: an inline script injected into the stored page is refused by its CSP",
  async ({ page, open }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(event.effectiveDirective));
    });
    // As if the HTML had been tampered with on its way: the page's own CSP must still refuse the script.
    await page.route(
      (url) => url.pathname === `/petitions/${PETITION}`,
      async (route) => {
        const response = await route.fetch();
        const headers = { ...response.headers() };
        delete headers["content-encoding"];
        delete headers["content-length"];
        const body = (await response.text()).replace(
          "</body>",
          "<script>window.injectedScriptRan = true</script></body>",
        );
        await route.fulfill({ response, headers, body });
      },
    );
    await open(`/petitions/${PETITION}`);
    await waitForMapReady(page);
    const outcome = await page.evaluate(() => ({
      ran: (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan ?? false,
      violations: (window as unknown as { cspViolations: string[] }).cspViolations,
    }));
    assert.deepEqual(outcome, { ran: false, violations: ["script-src-elem"] });
  },
  { failOnConsoleErrors: false },
);

const LOAD_MS = 16_000;
const IDS = [FIXTURE_IDS.open2024, FIXTURE_IDS.closed2024, FIXTURE_IDS.small];

test("render cache: under load with the upstream failing half-way, no errors and one upstream call per petition", () =>
  withOwnApp(async (url, standIn) => {
    standIn.reset();
    let failing = false;
    setTimeout(() => {
      standIn.setMode({ mode: "5xx" });
      failing = true;
    }, LOAD_MS / 2);
    const answers = await loopFor(LOAD_MS, 16, async (n) => {
      const id = IDS[n % IDS.length]!;
      const paths = [`/petitions/${id}`, `/api/petitions/${id}`, `/embed/petitions/${id}?view=hex`, "/"];
      const { status } = await rawGet(url, paths[Math.floor(n / IDS.length) % paths.length]!);
      return { status, failing };
    });
    const whileFailing = answers.filter((answer) => answer.failing).length;
    // The count depends on how busy the machine is; what matters is that readers kept coming after the fault.
    assert.ok(whileFailing >= 30, `only ${whileFailing} requests once upstream failed`);
    assert.deepEqual(
      answers.filter((answer) => answer.status !== 200),
      [],
      "every answer is 200",
    );
    const byPath = standIn.stats().byPath;
    const calls = Object.fromEntries(IDS.map((id) => [id, byPath[`/petitions/${id}.json`] ?? 0]));
    console.log(
      `  ${answers.length} requests (${whileFailing} while upstream failed); upstream calls: ${JSON.stringify(calls)}`,
    );
    assert.deepEqual(calls, Object.fromEntries(IDS.map((id) => [id, 1])), "upstream calls per petition");
  }));
