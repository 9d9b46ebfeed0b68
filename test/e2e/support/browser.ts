import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** The system Chromium (playwright's own browser download cannot work offline). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Headless Chromium with WebGL 2 from SwiftShader: MapLibre needs WebGL and there is no GPU. */
/** Headless Chromium as the tests and benches run it: software WebGL (SwiftShader), nothing fetched on its own. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_FLAGS, "--disable-quic"],
  });
}
