import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { leaksInternals, rawGet } from "@/test/faults/http";
import { FIXTURE_IDS } from "@/test/upstream/fixtures";
import { test } from "./harness";
import { startApp } from "./support/processes";
import { waitForMapReady } from "./support/atlas";

const HOSTILE = FIXTURE_IDS.hostile;

function directive(policy: string, name: string): string[] | undefined {
  const found = policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found?.slice(1);
}

test("security: the seed map reaches ready under the hash CSP with no violations", async ({ page, open }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/");
  await open("/");
  const policy = (await (await answer).headerValue("content-security-policy")) ?? "";
  const scripts = directive(policy, "script-src") ?? [];
  assert.ok(!scripts.some((source) => source.startsWith("'nonce-")), `a nonce in script-src: ${policy}`);
  assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), policy);
  const html = await (await answer).text();
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, text = ""]) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`,
  );
  assert.ok(inline.length > 0, "the page has inline scripts");
  assert.deepEqual(
    inline.filter((hash) => !scripts.includes(hash)),
    [],
    "every inline script the server rendered is allowed by its hash",
  );
  await waitForMapReady(page);
  const violations = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  assert.deepEqual(violations, [], "CSP violations");
});

test("security: hostile petition text is shown as text: no dialog, no injected element", async ({
  page,
  open,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await open(`/petitions/${HOSTILE}`);
  await waitForMapReady(page);
  const heading = await page.getByRole("heading", { level: 1 }).innerText();
  assert.ok(heading.includes("<script>alert(1)</script> Ban <b>bold</b> text"), `heading: ${heading}`);
  const injected = await page.evaluate(() => ({
    handlers: [...document.querySelectorAll("*")].flatMap((element) =>
      [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map(() => element.outerHTML),
    ),
    scripts: [...document.scripts].filter(
      (script) => script.text.includes("alert(1)") && !script.text.includes("self.__next_f"),
    ).length,
    images: document.querySelectorAll('img[src="x"], svg[onload]').length,
    bold: [...document.querySelectorAll("main b")].filter((element) => element.textContent === "bold").length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  assert.deepEqual(injected, { handlers: [], scripts: 0, images: 0, bold: 0, javascriptLinks: 0 });
  await page.waitForTimeout(500); // an onerror would have fired by now
  assert.deepEqual(dialogs, [], "dialogs opened");
});

test("security: headers on pages, API answers and static files; /embed/* may be framed", async ({
  appUrl,
}) => {
  const home = await rawGet(appUrl, "/");
  const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(home.body)?.[1];
  assert.ok(chunk, "a script chunk on the home page");
  const answers = {
    home,
    petition: await rawGet(appUrl, `/petitions/${FIXTURE_IDS.open2024}`),
    api: await rawGet(appUrl, "/api/petitions/575833"),
    chunk: await rawGet(appUrl, chunk),
    embed: await rawGet(appUrl, "/embed/petitions/575833"),
  };
  for (const [name, answer] of Object.entries(answers)) {
    assert.equal(answer.headers["x-content-type-options"], "nosniff", name);
    assert.match(String(answer.headers["strict-transport-security"]), /max-age=\d{7,}/, name);
    assert.equal(answer.headers["referrer-policy"], "strict-origin-when-cross-origin", name);
    assert.match(
      String(answer.headers["permissions-policy"]),
      /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
      name,
    );
  }
  for (const name of ["home", "petition", "api"] as const) {
    const policy = String(answers[name].headers["content-security-policy"]);
    assert.deepEqual(directive(policy, "frame-ancestors"), ["'none'"], `${name}: ${policy}`);
  }
  assert.deepEqual(directive(String(answers.api.headers["content-security-policy"]), "default-src"), [
    "'none'",
  ]);
  const embedPolicy = String(answers.embed.headers["content-security-policy"] ?? "");
  assert.notDeepEqual(directive(embedPolicy, "frame-ancestors"), ["'none'"], embedPolicy);
  assert.equal(answers.embed.headers["x-frame-options"], undefined);
  assert.ok(!leaksInternals(answers.embed.body));
});

test("security: a link prefetch's answer may be framed by no one and is not sniffed", async ({
  page,
  open,
}) => {
  const prefetch = page.waitForResponse(
    (response) => response.request().headers()["next-router-prefetch"] !== undefined,
    { timeout: 30_000 },
  );
  await open("/about");
  // The header's home link prefetches as it comes into view; hovering prefetches it too.
  await page.getByRole("link", { name: "Petition Atlas" }).first().hover();
  const answer = await prefetch;
  const headers = await answer.allHeaders();
  const where = `${answer.status()} ${answer.url()}`;
  assert.equal(headers["x-frame-options"], "DENY", where);
  assert.deepEqual(directive(headers["content-security-policy"] ?? "", "frame-ancestors"), ["'none'"], where);
  assert.equal(headers["x-content-type-options"], "nosniff", where);
});

test("security: /api/* is limited per client with 429 and Retry-After; a forged X-Forwarded-For or loopback escapes nothing; health is not limited", async ({
  standIn,
}) => {
  // An app of its own with the default limits (test apps otherwise have theirs set out of reach).
  const app = await startApp({
    env: {
      PETITIONS_API_BASE: standIn.url,
      HISTORY_POLLER: "off",
      RATE_LIMIT_PER_MINUTE: "120",
      RATE_LIMIT_BURST: "60",
    },
  });
  try {
    // Documentation addresses (RFC 5737), only ever sent as a header to the local app.
    const getAs = (forged: string, path = "/api/postcodes/SW1A%201AA", from?: string) =>
      rawGet(app.url, path, { "x-forwarded-for": forged, "x-atlas-client": forged }, from);
    // All at once, so that hardly any token is refilled meanwhile (2 a second at the default 120 a minute); each
    // request claims another client, and all come from this one socket address.
    const burst = await Promise.all(Array.from({ length: 100 }, (_, n) => getAs(`198.51.100.${n}`)));
    const passed = burst.filter((answer) => answer.status === 200).length;
    const limited = burst.filter((answer) => answer.status === 429).length;
    assert.ok(passed >= 60 && passed < 75, `the burst of 60 (and a few refills) pass: ${passed}`);
    assert.equal(passed + limited, 100, "the rest are 429");

    const refused = burst.find((answer) => answer.status === 429);
    assert.ok(refused, "a 429 in the burst");
    assert.ok(Number(refused.headers["retry-after"]) >= 1, `Retry-After: ${refused.headers["retry-after"]}`);
    assert.match((JSON.parse(refused.body) as { error: string }).error, /Too many requests/);
    // Tokens refill at 2 a second, so a few may pass; a loopback claim earns no exemption.
    const claims = await Promise.all(Array.from({ length: 20 }, () => getAs("127.0.0.1")));
    const claimsLimited = claims.filter((answer) => answer.status === 429).length;
    assert.ok(claimsLimited >= 10, `claiming loopback does not exempt: ${claimsLimited} of 20 limited`);
    assert.equal((await getAs("198.51.100.1", "/api/health")).status, 200, "health checks pass");
    const other = await getAs("198.51.100.1", "/api/postcodes/SW1A%201AA", "127.0.0.2");
    assert.equal(other.status, 200, "another socket address is another client");
  } finally {
    await app.close();
  }
});
