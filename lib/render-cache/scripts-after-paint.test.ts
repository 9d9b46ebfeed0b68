import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "@/lib/security/csp";
import { FALLBACK_MS, loaderScript, scriptsAfterPaint } from "./scripts-after-paint";

const CHUNKS = ["/_next/static/chunks/1wnov70f88xjy.js", "/_next/static/chunks/turbopack-077hmtqrhcoji.js"];
const LATE_CHUNK = "/_next/static/chunks/310vm2bl3xxpt.js";

/** The shape of a page as Next 16 renders it: chunks in the head, flight data and one more chunk in the body. */
const PAGE =
  '<!DOCTYPE html><html lang="en-GB"><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/2fwtugh540wi2.css" data-precedence="next"/>' +
  `<link rel="preload" as="script" fetchPriority="low" href="${LATE_CHUNK}"/>` +
  CHUNKS.map((src) => `<script src="${src}" async=""></script>`).join("") +
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>' +
  "<title>Petition Atlas</title></head><body><main>The map</main>" +
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" +
  `<script src="${LATE_CHUNK}" async=""></script>` +
  `<script src="${CHUNKS[0]}" async=""></script>` +
  "</body></html>";

describe("scripts after paint: the page's chunks load once its first frame is shown", () => {
  it("moves every chunk script, once each in document order, into one loader at the end of the body", () => {
    const page = scriptsAfterPaint(PAGE);
    expect(page).not.toMatch(/<script src="[^"]*" async="">/);
    expect(page.endsWith(`<script>${loaderScript([...CHUNKS, LATE_CHUNK])}</script></body></html>`)).toBe(
      true,
    );
    // What is not a Next chunk script stays where it was: the polyfills, the flight data, the stylesheet.
    expect(page).toContain('<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>');
    expect(page).toContain("<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>");
    expect(page).toContain('<link rel="stylesheet" href="/_next/static/chunks/2fwtugh540wi2.css"');
  });

  it("leaves HTML without chunk scripts as it was", () => {
    const plain = "<!DOCTYPE html><html><body><p>Too many requests</p></body></html>";
    expect(scriptsAfterPaint(plain)).toBe(plain);
  });

  it("adds the loader as an inline script the page's CSP hashes like the others", () => {
    const hashes = inlineScriptHashes(scriptsAfterPaint(PAGE));
    expect(hashes).toHaveLength(2);
    expect(hashes).toEqual(
      inlineScriptHashes(
        `<script>(self.__next_f=self.__next_f||[]).push([0])</script>` +
          `<script>${loaderScript([...CHUNKS, LATE_CHUNK])}</script>`,
      ),
    );
  });
});

type PaintCallback = (
  list: { getEntriesByName(name: string): unknown[] },
  observer: { disconnect(): void },
) => void;

/** Runs the loader in a document, with a paint observer the test reports to as the browser would. */
function runLoader({ visible = true, paintTiming = true } = {}) {
  const dom = new JSDOM("<!DOCTYPE html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
  });
  const { window } = dom;
  const observers: PaintCallback[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  Object.defineProperty(window.document, "visibilityState", { value: visible ? "visible" : "hidden" });
  Object.assign(window, {
    setTimeout: (run: () => void, ms: number) => timers.push({ run, ms }),
    PerformanceObserver: paintTiming
      ? Object.assign(
          function PerformanceObserver(this: { observe(): void }, callback: PaintCallback) {
            observers.push(callback);
            this.observe = () => undefined;
          },
          { supportedEntryTypes: ["paint", "largest-contentful-paint"] },
        )
      : undefined,
  });
  window.eval(loaderScript(CHUNKS));
  const added = () =>
    [...window.document.head.querySelectorAll("script")].map((script) => script.getAttribute("src"));
  const paint = (name: string) =>
    observers.forEach((callback) =>
      callback({ getEntriesByName: (wanted) => (wanted === name ? [{ name }] : []) }, { disconnect() {} }),
    );
  return { added, paint, timers };
}

describe("the loader", () => {
  it("adds the chunks when the first contentful paint is reported, not before, and once", () => {
    const { added, paint } = runLoader();
    expect(added()).toEqual([]);
    paint("first-paint");
    expect(added()).toEqual([]);
    paint("first-contentful-paint");
    expect(added()).toEqual(CHUNKS);
    paint("first-contentful-paint");
    expect(added()).toEqual(CHUNKS);
  });

  it(`adds them after ${FALLBACK_MS} ms if no paint is reported`, () => {
    const { added, timers } = runLoader();
    expect(timers.map(({ ms }) => ms)).toEqual([FALLBACK_MS]);
    timers[0]?.run();
    expect(added()).toEqual(CHUNKS);
  });

  it("adds them at once in a hidden tab, which paints nothing", () => {
    expect(runLoader({ visible: false }).added()).toEqual(CHUNKS);
  });

  it("adds them at once where the browser has no paint timing", () => {
    expect(runLoader({ paintTiming: false }).added()).toEqual(CHUNKS);
  });
});
