import type { Browser } from "playwright-core";
import type { StandIn } from "@/test/upstream/server";

/** What every bench section gets: the running app, the petitions stand-in behind it, and a shared browser. */
export interface BenchEnv {
  appUrl: string;
  /** The app server's process, whose CPU time and memory the load bench reads. */
  appPid: number;
  standIn: StandIn;
  /** Headless Chromium, launched on first use and closed by run.ts. */
  browser(): Promise<Browser>;
}

/** One "## heading" of docs/BENCHMARKS.md: run() measures and returns the section's markdown body. */
export interface BenchSection {
  heading: string;
  run(env: BenchEnv): Promise<string>;
}
