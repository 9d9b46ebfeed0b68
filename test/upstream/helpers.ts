/** Shared by the petitions tests: capture the upstream log lines and find a port nothing listens on. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
import { PetitionError } from "@/lib/petitions/errors";
import { startStandIn, type StandIn } from "./server";

export interface UpstreamLogLine {
  event: string;
  petition: number | null;
  url: string;
  finalUrl: string;
  durationMs: number;
  outcome: string;
  status: number | null;
  cache?: string;
}

/** Collects the JSON lines written to stdout with event "upstream" (other output passes through). */
export function captureUpstreamLog(): { lines: UpstreamLogLine[]; restore: () => void } {
  const lines: UpstreamLogLine[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi
    .spyOn(process.stdout, "write")
    .mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (text.startsWith('{"event":"upstream"')) {
        lines.push(JSON.parse(text) as UpstreamLogLine);
        return true;
      }
      return write(chunk, ...(rest as []));
    });
  return { lines, restore: () => spy.mockRestore() };
}

/** A port that refuses connections: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * For a test file or describe block: starts the stand-in, points lib/petitions at it and captures the upstream log;
 * resets both after each test and tears everything down at the end. Read `standIn` and `log` inside tests.
 */
export function withStandInUpstream(): {
  readonly standIn: StandIn;
  readonly log: ReturnType<typeof captureUpstreamLog>;
} {
  let standIn: StandIn | undefined;
  let log: ReturnType<typeof captureUpstreamLog> | undefined;
  beforeAll(async () => {
    standIn = await startStandIn();
    process.env.PETITIONS_API_BASE = standIn.url;
    log = captureUpstreamLog();
  });
  afterEach(() => {
    standIn?.reset();
    if (log) log.lines.length = 0;
    delete process.env.PETITIONS_API_TIMEOUT_MS;
  });
  afterAll(async () => {
    log?.restore();
    delete process.env.PETITIONS_API_BASE;
    await standIn?.close();
  });
  return {
    get standIn() {
      if (!standIn) throw new Error("the stand-in starts in beforeAll");
      return standIn;
    },
    get log() {
      if (!log) throw new Error("the upstream log is captured in beforeAll");
      return log;
    },
  };
}

/** Awaits a promise that must reject with a PetitionError, and returns that error for further checks. */
export async function expectPetitionError(promise: Promise<unknown>): Promise<PetitionError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PetitionError);
  return error as PetitionError;
}
