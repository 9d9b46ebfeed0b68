/** Shared by the petitions tests: capture the upstream log lines and find a port nothing listens on. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";

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
