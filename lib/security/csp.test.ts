import { describe, expect, it } from "vitest";
import { petitionErrorPage } from "./error-page";
import { API_POLICY, inlineScriptHashes, isFrameablePath, pagePolicy } from "./csp";

// An inline script as pages carry them (the map's paint stamp is one).
const INLINE_SCRIPT = "requestAnimationFrame(function(){document.documentElement.dataset.painted='1'})";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1)]));

describe("pagePolicy", () => {
  const scriptHashes = ["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"];
  const policy = directives(pagePolicy({ scriptHashes, frameable: false, upgradeInsecure: false }));

  it("lets scripts run from our origin or by the page's hashes, never inline, by nonce or eval", () => {
    expect(policy.get("script-src")).toEqual(["'self'", ...scriptHashes]);
  });

  it("allows inline style attributes only, not inline <style>", () => {
    expect(policy.get("style-src")).toEqual(["'self'"]);
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
      directives(pagePolicy({ scriptHashes, frameable, upgradeInsecure: false })).get("frame-ancestors"),
    ).toEqual(expected);
  });

  it("upgrades insecure requests only when asked (HTTPS)", () => {
    expect(pagePolicy({ scriptHashes, frameable: false, upgradeInsecure: true })).toMatch(
      /upgrade-insecure-requests$/,
    );
    expect(pagePolicy({ scriptHashes, frameable: false, upgradeInsecure: false })).not.toMatch(
      /upgrade-insecure/,
    );
  });
});

describe("inlineScriptHashes", () => {
  it("hashes each inline script's text as CSP does (the specification's example)", () => {
    expect(inlineScriptHashes("<p>hi</p><script>alert('Hello, world.');</script>")).toEqual([
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    ]);
  });

  it("skips scripts loaded by src and data blocks, keeps module and JavaScript types, and lists each once", () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"Thing"}</script>',
      `<script>${INLINE_SCRIPT}</script>`,
      `<script type="module">import("/a.js")</script>`,
      `<script type="text/javascript">${INLINE_SCRIPT}</script>`,
      "<SCRIPT>self.__next_f.push([1])</SCRIPT >",
    ].join("\n");
    const hashes = inlineScriptHashes(html);
    expect(hashes).toHaveLength(3);
    expect(hashes.every((hash) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(hash))).toBe(true);
    expect(inlineScriptHashes(`<script>${INLINE_SCRIPT}</script>`)[0]).toBe(hashes[0]);
  });

  it("finds nothing in a page without inline scripts", () => {
    expect(inlineScriptHashes('<!doctype html><p>no scripts</p><script src="/a.js"></script>')).toEqual([]);
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
});
