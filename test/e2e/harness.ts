import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { repoRoot } from "@/scripts/data/paths";
import type { StandIn } from "@/test/upstream/server";

export const RESULTS_DIR = path.join(repoRoot, "test-results");
/** How long a test waits for MapLibre to paint every seat (SwiftShader on two cores is slow). */
export const MAP_TIMEOUT_MS = 30_000;

export interface TestOptions {
  /** Browser context options, e.g. a phone viewport. */
  context?: BrowserContextOptions;
  /** Off for tests that expect console errors (upstream failures); on by default. */
  failOnConsoleErrors?: boolean;
  /** Off for tests that may legitimately reach another origin; on by default (the app must work offline). */
  appOriginOnly?: boolean;
}

export interface TestContext {
  page: Page;
  context: BrowserContext;
  /** The app's origin, e.g. http://127.0.0.1:41234. */
  appUrl: string;
  standIn: StandIn;
  /** Every URL the page requested so far. */
  requests: string[];
  /** console.error messages and uncaught page errors so far. */
  consoleErrors: string[];
  /** Opens a path on the app. */
  open(pathAndQuery: string): Promise<void>;
  /** Saves a screenshot of the viewport (or full page) into test-results/ and returns its path. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
}

export interface RegisteredTest {
  name: string;
  file: string;
  options: TestOptions;
  fn: (t: TestContext) => Promise<void>;
}

const registry: RegisteredTest[] = [];
let currentFile = "";

/** Registers a browser test; test/e2e/run.ts runs them in file order with a fresh browser context each. */
export function test(name: string, fn: RegisteredTest["fn"], options: TestOptions = {}): void {
  registry.push({ name, file: currentFile, options, fn });
}

export async function loadTestFile(file: string): Promise<void> {
  currentFile = path.basename(file);
  await import(file);
}

export function registeredTests(): readonly RegisteredTest[] {
  return registry;
}

export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);

/** Runs one test in its own context; failures leave a screenshot behind. */
export async function runTest(
  registered: RegisteredTest,
  env: { browser: Browser; appUrl: string; standIn: StandIn },
): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  env.standIn.reset();
  const context = await env.browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...registered.options.context,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(MAP_TIMEOUT_MS);
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`Uncaught: ${error.message}`));

  const t: TestContext = {
    page,
    context,
    appUrl: env.appUrl,
    standIn: env.standIn,
    requests,
    consoleErrors,
    open: async (pathAndQuery) => {
      const response = await page.goto(new URL(pathAndQuery, env.appUrl).href);
      if (!response) throw new Error(`No response for ${pathAndQuery}`);
    },
    screenshot: async (name, options = {}) => {
      const file = path.join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
      return file;
    },
  };

  try {
    await registered.fn(t);
    if (registered.options.failOnConsoleErrors !== false && consoleErrors.length > 0) {
      throw new Error(`Console errors:\n  ${consoleErrors.join("\n  ")}`);
    }
    if (registered.options.appOriginOnly !== false) {
      const elsewhere = requests.filter((url) => !onOrigin(url, env.appUrl));
      if (elsewhere.length > 0)
        throw new Error(`Requests left the app's origin:\n  ${elsewhere.join("\n  ")}`);
    }
  } catch (error) {
    await page
      .screenshot({ path: path.join(RESULTS_DIR, `failed-${slug(registered.name)}.png`) })
      .catch(() => undefined);
    if (consoleErrors.length > 0 && error instanceof Error && !error.message.startsWith("Console errors")) {
      error.message += `\n  console errors: ${consoleErrors.join(" | ")}`;
    }
    throw error;
  } finally {
    await context.close();
  }
}

/** Same origin, or a data:/blob: URL the page made itself. */
function onOrigin(url: string, appUrl: string): boolean {
  if (url.startsWith("data:")) return true;
  const parsed = new URL(url.startsWith("blob:") ? url.slice("blob:".length) : url);
  return parsed.origin === new URL(appUrl).origin;
}
