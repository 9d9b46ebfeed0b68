import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { embedSnippet, embedUrl } from "./embed";

const ORIGIN = "https://atlas.example";

function parseIframe(html: string) {
  const document = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
  return { iframes: document.querySelectorAll("iframe"), body: document.body };
}

describe("embedUrl", () => {
  it.each([
    ["", `${ORIGIN}/embed/petitions/575833`],
    ["?area=e14000911&metric=rate", `${ORIGIN}/embed/petitions/575833?area=E14000911&metric=rate`],
    ["area=E14000911&junk=1&metric=nope", `${ORIGIN}/embed/petitions/575833?area=E14000911`],
    [
      "?view=hex&region=london&at=51.5,-0.12,10",
      `${ORIGIN}/embed/petitions/575833?view=hex&region=london&at=51.5,-0.12,10`,
    ],
  ])("keeps the view of %j and drops what the page would ignore", (search, expected) => {
    expect(embedUrl({ origin: ORIGIN, petitionId: 575833, search })).toBe(expected);
  });
});

describe("embedSnippet", () => {
  it.each([
    ["quotes and tags", `Stop "this" <script>alert(1)</script> & 'that'`],
    ["an attribute break-out", `x" onload="alert(1)`],
    ["plain text", "Ynys Môn matters"],
  ])("escapes a title with %s: one iframe, the title intact, nothing else", (_, title) => {
    const snippet = embedSnippet({ origin: ORIGIN, petitionId: 42, search: "?area=W07000041", title });
    const { iframes, body } = parseIframe(snippet);
    expect(iframes).toHaveLength(1);
    expect(body.children).toHaveLength(1);
    const iframe = iframes[0]!;
    expect(iframe.getAttribute("title")).toBe(`Petition Atlas: ${title}`);
    expect(iframe.getAttribute("src")).toBe(`${ORIGIN}/embed/petitions/42?area=W07000041`);
    expect(iframe.getAttribute("onload")).toBeNull();
    expect(iframe.getAttribute("loading")).toBe("lazy");
  });

  it("escapes the ampersands between query parameters", () => {
    const snippet = embedSnippet({
      origin: ORIGIN,
      petitionId: 42,
      search: "?area=W07000041&metric=share",
      title: "t",
    });
    expect(snippet).toContain("area=W07000041&amp;metric=share");
    expect(parseIframe(snippet).iframes[0]?.getAttribute("src")).toBe(
      `${ORIGIN}/embed/petitions/42?area=W07000041&metric=share`,
    );
  });
});
