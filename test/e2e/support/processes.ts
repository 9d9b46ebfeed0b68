import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { repoRoot } from "@/scripts/data/paths";

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("No port")),
      );
    });
  });
}

/** The Next dist dir the app was built into (next.config.js reads the same variable). */
export function distDir(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}

/** The front server `npm run build` bundles and `npm start` runs (it serves whichever dist dir NEXT_DIST_DIR names). */
export const SERVER_BUNDLE = "dist/server.js";

/**
 * A finished production build: BUILD_ID comes early, the prerender manifest only once the build succeeded, and
 * the server bundle after that.
 */
export function hasBuild(dir = distDir()): boolean {
  return [path.join(dir, "BUILD_ID"), path.join(dir, "prerender-manifest.json"), SERVER_BUNDLE].every(
    (file) => existsSync(path.join(repoRoot, file)),
  );
}

export interface RunningApp {
  url: string;
  port: number;
  /** The server process (benches read its CPU time and memory from /proc). */
  pid: number;
  /** The server's recent stdout and stderr, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

const LOG_LIMIT = 20_000;

/**
 * Starts the built app as `npm start` does, in its own process group, and waits until it answers HTTP. Every
 * request of a test or bench comes from loopback, one client to the app, so the per-client limits are set out of
 * reach unless `env` sets them (as the security and abuse tests do).
 */
export async function startApp({
  env = {},
  dir = distDir(),
  readyTimeoutMs = 60_000,
}: { env?: Record<string, string>; dir?: string; readyTimeoutMs?: number } = {}): Promise<RunningApp> {
  if (!hasBuild(dir)) {
    throw new Error(
      `No production build in ${dir}/ (BUILD_ID, prerender-manifest.json and ${SERVER_BUNDLE}). Run \`npm run build\` first` +
        (dir === ".next" ? "" : `, or \`NEXT_DIST_DIR=${dir} npm run build\``) +
        ".",
    );
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_BUNDLE, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: dir,
      NEXT_TELEMETRY_DISABLED: "1",
      RATE_LIMIT_PER_MINUTE: "1000000",
      RATE_LIMIT_BURST: "1000000",
      RATE_LIMIT_COSTLY_PER_MINUTE: "1000000",
      RATE_LIMIT_COSTLY_BURST: "1000000",
      ...env,
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  groups.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-LOG_LIMIT);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = () => killGroup(child);
  if (child.pid === undefined) throw new Error("the app server did not start");
  const app: RunningApp = { url, port, pid: child.pid, log: () => output, close: stop };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return app;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await stop();
  throw new Error(`the app server did not answer on ${url} within ${readyTimeoutMs} ms:\n${output}`);
}

/** Children still running; a crash or Ctrl-C in the runner must not leave the app server behind. */
const groups = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of groups) if (child.pid !== undefined) signalGroup(child.pid, "SIGKILL");
});

/** Kills a detached child's whole process group: TERM, then KILL if it lingers. */
function killGroup(child: ChildProcess): Promise<void> {
  groups.delete(child);
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(pid, "SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup(pid, "SIGTERM");
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
