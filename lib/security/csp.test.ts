import { describe, expect, it } from "vitest";
import { petitionErrorPage } from "./error-page";
import { API_POLICY, isFrameablePath, newNonce, nonceOf, pagePolicy } from "./csp";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1)]));

describe("pagePolicy", () => {
  const nonce = newNonce();
  const policy = directives(pagePolicy({ nonce, frameable: false, upgradeInsecure: false }));

  it("lets scripts run only with the nonce, never inline or eval", () => {
    const scripts = policy.get("script-src") ?? [];
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it("allows inline style attributes only, not inline <style> without the nonce", () => {
    expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("lets MapLibre use its worker and blob:/data: images, and talk only to its own origin", () => {
    expect(policy.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });

  it.each([
    [false, ["'none'"]],
    [true, ["*"]],
  ] as const)("frameable=%s → frame-ancestors %j", (frameable, expected) => {
    expect(
      directives(pagePolicy({ nonce, frameable, upgradeInsecure: false })).get("frame-ancestors"),
    ).toEqual(expected);
  });

  it("upgrades insecure requests only when asked (HTTPS)", () => {
    expect(pagePolicy({ nonce, frameable: false, upgradeInsecure: true })).toMatch(
      /upgrade-insecure-requests$/,
    );
    expect(pagePolicy({ nonce, frameable: false, upgradeInsecure: false })).not.toMatch(/upgrade-insecure/);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of [...nonces].slice(0, 20)) expect(atob(nonce)).toHaveLength(16);
  });
});

describe("API_POLICY and isFrameablePath", () => {
  it("lets API answers load nothing and be framed nowhere", () => {
    expect(directives(API_POLICY).get("default-src")).toEqual(["'none'"]);
    expect(directives(API_POLICY).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it.each([
    ["/embed", true],
    ["/embed/petitions/575833", true],
    ["/embedded", false],
    ["/petitions/575833", false],
    ["/", false],
  ] as const)("%s → %s", (pathname, expected) => {
    expect(isFrameablePath(pathname)).toBe(expected);
  });
});

describe("petitionErrorPage", () => {
  it.each([
    [502, /could not use/],
    [503, /cannot be reached/],
    [504, /too long/],
  ] as const)(
    "answers %i with a heading, a Try again link to the same path and no scripts",
    async (status, heading) => {
      const response = petitionErrorPage({
        status,
        petitionId: 700001,
        retryPath: "/petitions/700001?area=E14000911",
        detail: "The petitions site answered HTTP 503",
      });
      const html = await response.text();
      expect(response.status).toBe(status);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(html).toMatch(new RegExp(`<h1>[^<]*${heading.source}`));
      expect(html).toContain('<a href="/petitions/700001?area=E14000911">Try again</a>');
      expect(html).not.toMatch(/<script/i);
    },
  );

  it.each([
    [false, "DENY", true],
    [true, null, false],
  ] as const)("frameable=%s → X-Frame-Options %s, frame-ancestors 'none' %s", (frameable, xfo, denies) => {
    const response = petitionErrorPage({
      status: 503,
      petitionId: 1,
      retryPath: "/embed/petitions/1",
      detail: "x",
      frameable,
    });
    expect(response.headers.get("X-Frame-Options")).toBe(xfo);
    expect(response.headers.get("Content-Security-Policy")?.includes("frame-ancestors 'none'")).toBe(denies);
  });

  it("never links off-site or lets text become markup", async () => {
    const html = await petitionErrorPage({
      status: 502,
      petitionId: 1,
      retryPath: "//evil.example/",
      detail: '<img src=x onerror="alert(1)">',
    }).text();
    expect(html).toContain('<a href="/">Try again</a>');
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.");
  });

  it.each([
    ["a page policy", (nonce: string) => pagePolicy({ nonce, frameable: false, upgradeInsecure: false })],
    [
      "a dev page policy",
      (nonce: string) => pagePolicy({ nonce, frameable: true, upgradeInsecure: true, dev: true }),
    ],
  ])("reads the nonce back out of %s", (_, policyFor) => {
    const nonce = newNonce();
    expect(nonceOf(policyFor(nonce))).toBe(nonce);
  });

  it.each([null, "", "default-src 'self'", "script-src 'self' 'unsafe-inline'"])(
    "finds no nonce in %j",
    (policy) => expect(nonceOf(policy)).toBeUndefined(),
  );
});
