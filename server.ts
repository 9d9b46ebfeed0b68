/**
 * The production server (`npm start`, built by `npm run build` into dist/server.js): Node's HTTP server in front
 * of Next's request handler. It names the client of every request (x-atlas-client) before Next sees it.
 */
import http from "node:http";
import next from "next";
import { clientKey } from "@/lib/rate-limit/client";

/** `-p 4000` / `--port 4000` and `-H host` / `--hostname host`, as `next start` takes them; else PORT, 3000. */
function listenOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
): { port: number; hostname: string | undefined } {
  const flag = (...names: string[]) => {
    const at = argv.findIndex((arg) => names.includes(arg));
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const port = Number(flag("-p", "--port") ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${port}`);
  return { port, hostname: flag("-H", "--hostname") };
}

function trustedProxyCount(env: NodeJS.ProcessEnv): number {
  const count = Number(env.TRUSTED_PROXY_COUNT ?? 0);
  return Number.isSafeInteger(count) && count >= 0 ? count : 0;
}

/** Replaces any client-sent x-atlas-client with the client this server sees (CONTRACTS: the only source). */
function nameClient(request: http.IncomingMessage, trustedProxies: number): void {
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-atlas-client"] = clientKey({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trustedProxies,
  });
}

async function main() {
  const env = process.env;
  const { port, hostname } = listenOptions(process.argv.slice(2), env);
  const trustedProxies = trustedProxyCount(env);
  const production = env.NODE_ENV === undefined || env.NODE_ENV === "production";
  let warnedAboutProxy = false;

  const app = next({ dev: false, dir: process.cwd(), hostname, port, customServer: true });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((request, response) => {
    if (
      production &&
      !warnedAboutProxy &&
      env.TRUSTED_PROXY_COUNT === undefined &&
      request.headers["x-forwarded-for"]
    ) {
      warnedAboutProxy = true;
      console.warn(
        "X-Forwarded-For arrived but TRUSTED_PROXY_COUNT is unset: every client behind that proxy counts as the " +
          "proxy's address. Set TRUSTED_PROXY_COUNT to the number of proxies in front (see docs/DEPLOY.md).",
      );
    }
    nameClient(request, trustedProxies);
    handle(request, response).catch((error: unknown) => {
      console.error("request failed", error);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end();
    });
  });
  server.listen(port, hostname, () => {
    console.log(`Petition Atlas ready on http://${hostname ?? "localhost"}:${port}`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
