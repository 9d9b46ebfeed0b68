/**
 * The production server (`npm start`, built by `npm run build` into dist/server.js): Node's HTTP server in front
 * of Next's request handler (docs/decisions/0020-render-cache.md).
 * - Names the client of every request (x-atlas-client) before Next sees it, and charges it the per-client "request"
 *   limit for every answer not given from what this server keeps (lib/rate-limit; proxy.ts charges the costly tier).
 * - Petition views, `/` and /api/petitions/ID are rendered by Next once per key at a time and kept as bytes
 *   (gzip, Brotli, identity) with a strong ETag; readers within the freshness window all get the same bytes.
 * - Hashed static files (/_next/static, /geo) are compressed once and kept; byte ranges go to Next uncompressed.
 * - A postcode's answer (/api/postcodes/PC) is kept once Next has given it, and written from memory after that.
 * - Every other HTML page is rendered through the same path once, for its CSP: the hashes of its inline scripts.
 */
import { stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import next from "next";
import { RenderCache, type Rendition } from "@/lib/render-cache/cache";
import { postcodeKey, renderKey } from "@/lib/render-cache/key";
import { rateLimited } from "@/lib/rate-limit";
import { recentViewers } from "@/lib/history/viewers";
import { PETITION_ID_PATTERN } from "@/lib/petitions/input";
import { clientKey } from "@/lib/rate-limit/client";
import { badRequestTarget, decodeComponent, type BadTarget } from "@/lib/http/request-target";
import { isPagePath, isUnlimitedPath, tooManyRequests } from "@/lib/rate-limit/routes";
import { isFrameablePath } from "@/lib/security/csp";
import { badRequestPage } from "@/lib/security/error-page";
import { fetchAnswer, writeAnswer, writeResponse, type Answer } from "@/server/answers";

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

function envCount(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

/** Replaces any client-sent x-atlas-client with the client this server sees (the only source of it). */
function nameClient(request: http.IncomingMessage, trustedProxies: number): string {
  const forwarded = request.headers["x-forwarded-for"];
  const client = clientKey({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trustedProxies,
  });
  request.headers["x-atlas-client"] = client;
  return client;
}

/** The pages' live refresh (every minute while a petition's page is open): who is watching it. */
const LIVE_REFRESH = new RegExp(`^/api/petitions/(${PETITION_ID_PATTERN})$`);

/** Files named by their content hash: kept in memory, compressed, once each. */
const IMMUTABLE_PREFIXES = ["/_next/static/", "/geo/"];
/** Larger files (such as an archive read by byte range) are left to Next, uncompressed. */
const LARGEST_KEPT_FILE = 8 * 2 ** 20;

function isImmutablePath(pathname: string): boolean {
  return IMMUTABLE_PREFIXES.some((prefix) => pathname.startsWith(prefix)) && !pathname.includes("..");
}

/** Client navigations and server actions ask Next for its own payloads, which are not pages. */
function asksForPayload(request: http.IncomingMessage, url: URL): boolean {
  return (
    request.headers.rsc !== undefined ||
    request.headers["next-action"] !== undefined ||
    url.searchParams.has("_rsc")
  );
}

/** A target no route can read, answered here: Next's own decoding of it would end in a 500. */
async function refuseTarget(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  { status, message }: BadTarget,
): Promise<void> {
  const answer = request.url?.startsWith("/api/")
    ? Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } })
    : badRequestPage(status, message);
  // Next adds nosniff to what it answers (next.config.js); this answer never reaches Next.
  response.writeHead(status, { ...Object.fromEntries(answer.headers), "X-Content-Type-Options": "nosniff" });
  response.end(request.method === "HEAD" ? undefined : await answer.text());
}

async function main() {
  const env = process.env;
  const { port, hostname } = listenOptions(process.argv.slice(2), env);
  const trustedProxies = envCount(env, "TRUSTED_PROXY_COUNT", 0);
  const production = env.NODE_ENV === undefined || env.NODE_ENV === "production";
  // The same window as the petition copies the pages show (lib/petitions).
  const freshMs = envCount(env, "PETITIONS_CACHE_FRESH_MS", 60_000);
  const pageCacheControl = `public, s-maxage=${Math.ceil(freshMs / 1000)}, stale-while-revalidate=300, stale-if-error=86400`;
  let warnedAboutProxy = false;

  const app = next({ dev: false, dir: process.cwd(), hostname, port, customServer: true });
  await app.prepare();
  const handle = app.getRequestHandler();

  // Next itself, over loopback: what the caches fetch their answers from.
  const renderer = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(JSON.stringify({ event: "render-error", url: request.url, error: String(error) }));
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => renderer.listen(0, "127.0.0.1", resolve));
  const rendererPort = (renderer.address() as { port: number }).port;

  const maxBytes = envCount(env, "RENDER_CACHE_MB", 256) * 2 ** 20;
  const pages = new RenderCache<Answer>({
    freshMs,
    staleWhileRevalidateMs: 300_000,
    staleIfErrorMs: 86_400_000,
    maxBytes,
    maxEntries: 2_000,
  });
  const files = new RenderCache<Answer>({
    freshMs: Infinity,
    staleWhileRevalidateMs: 0,
    staleIfErrorMs: 0,
    maxBytes,
    maxEntries: 10_000,
  });

  // A postcode's answer changes only with the index, which a new process loads.
  const postcodes = new RenderCache<Answer>({
    freshMs: Infinity,
    staleWhileRevalidateMs: 0,
    staleIfErrorMs: 0,
    maxBytes: maxBytes / 8,
    maxEntries: 20_000,
  });

  const rendition = async (path: string, headers: http.OutgoingHttpHeaders): Promise<Rendition<Answer>> => {
    const answer = await fetchAnswer(rendererPort, path, headers, { frameable: isFrameablePath(path) });
    // A 429 (this client's limit) says nothing about the page: like a failure, it leaves a kept copy in place.
    const failed = answer.status >= 500 || answer.status === 429;
    return { value: answer, keep: answer.shareable, failed, size: answer.stored.size };
  };

  /** Takes a "request" token for an answer we must work for; false (and the 429 written) when there is none. */
  async function charged(client: string, pathname: string, response: http.ServerResponse): Promise<boolean> {
    if (isUnlimitedPath(pathname) || isImmutablePath(pathname)) return true;
    const limited = rateLimited(client, "request");
    if (!limited) return true;
    await writeResponse(response, tooManyRequests(pathname, limited.retryAfterSeconds));
    return false;
  }

  async function keepsInMemory(pathname: string): Promise<boolean> {
    if (!pathname.startsWith("/geo/")) return true;
    try {
      const file = await stat(path.join(process.cwd(), "public", decodeComponent(pathname) ?? ""));
      return file.isFile() && file.size <= LARGEST_KEPT_FILE;
    } catch {
      return false; // not a file: Next answers 404
    }
  }

  async function serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const client = nameClient(request, trustedProxies);
    const bad = badRequestTarget(request.url ?? "/");
    if (bad) return refuseTarget(request, response, bad);
    const url = new URL(request.url ?? "/", "http://localhost");
    const readable = request.method === "GET" || request.method === "HEAD";
    if (readable && request.headers.range === undefined && !asksForPayload(request, url)) {
      if (isImmutablePath(url.pathname) && (await keepsInMemory(url.pathname))) {
        const { value } = await files.get(url.pathname, () =>
          rendition(url.pathname, { "x-atlas-client": client }),
        );
        return writeAnswer(request, response, value);
      }
      const postcode = postcodeKey(url);
      if (postcode !== null) {
        // Each lookup costs the client a token, kept answer or not: one client must not walk the postcode index.
        if (!(await charged(client, url.pathname, response))) return;
        const { value } = await postcodes.get(postcode, () =>
          rendition(postcode, { "x-atlas-client": client }),
        );
        return writeAnswer(request, response, value);
      }
      const key = renderKey(url);
      if (key !== null) {
        // Answers kept (or being rendered) serve everyone, unlimited: a viral page must reach every reader.
        if (!pages.answersWithoutRender(key) && !(await charged(client, url.pathname, response))) return;
        // Rendered for every reader alike: only the client (for Next's limits) goes with it.
        let rendered = false;
        const { value } = await pages.get(key, () => {
          rendered = true;
          return rendition(key, { "x-atlas-client": client });
        });
        // Another client's 429, met while waiting on the same render, is not this reader's answer.
        const answer =
          value.status === 429 && !rendered
            ? await fetchAnswer(
                rendererPort,
                key,
                { "x-atlas-client": client },
                {
                  frameable: isFrameablePath(url.pathname),
                },
              )
            : value;
        const watched = LIVE_REFRESH.exec(url.pathname)?.[1];
        if (watched !== undefined && answer.status === 200) recentViewers().note(Number(watched), client);
        const page = answer.shareable && isPagePath(url.pathname);
        return writeAnswer(request, response, answer, page ? pageCacheControl : undefined);
      }
      if (!(await charged(client, url.pathname, response))) return;
      if (isPagePath(url.pathname)) {
        const answer = await fetchAnswer(rendererPort, request.url ?? "/", request.headers, {
          frameable: isFrameablePath(url.pathname),
        });
        return writeAnswer(request, response, answer);
      }
    } else if (!(await charged(client, url.pathname, response))) return;
    await handle(request, response);
  }

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
    serve(request, response).catch((error: unknown) => {
      console.error(JSON.stringify({ event: "serve-error", url: request.url, error: String(error) }));
      if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      response.end("The page could not be rendered just now. Please try again shortly.\n");
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
