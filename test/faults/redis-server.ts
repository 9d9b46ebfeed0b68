/** A throwaway redis-server on a free loopback port, for tests of the shared cache. */
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";

export interface RunningRedis {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function redisServerPath(): string | null {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const path = found.stdout.trim();
  return found.status === 0 && path !== "" ? path : null;
}

export const REDIS_MISSING = "redis-server is not installed (apt-get install -y redis-server)";

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.write("PING\r\n");
      socket.once("data", (data) => {
        socket.destroy();
        resolve(data.toString().startsWith("+PONG"));
      });
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts redis-server without persistence; resolves once it answers PING. */
export async function startRedis(): Promise<RunningRedis> {
  const binary = redisServerPath();
  if (!binary) throw new Error(REDIS_MISSING);
  const port = await freeLoopbackPort();
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  process.once("exit", () => child.kill("SIGKILL"));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await answers(port)) return { url: `redis://127.0.0.1:${port}`, port, close };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await close();
  throw new Error(`redis-server did not answer on port ${port} within 10 s`);
}
