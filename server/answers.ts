/**
 * Answers rendered by Next, kept as bytes: fetched once from Next over loopback, compressed once, and written to
 * any number of readers with their strong ETag (304 on revalidation) and, for HTML, the CSP hashing its scripts.
 */
import http from "node:http";
import {
  chooseEncoding,
  isNotModified,
  storeBody,
  type Encoding,
  type Stored,
} from "@/lib/render-cache/stored";
import { scriptsAfterPaint } from "@/lib/render-cache/scripts-after-paint";
import { inlineScriptHashes, pagePolicy } from "@/lib/security/csp";

export interface Answer {
  status: number;
  /** Next's headers, less those that describe one transfer (length, encoding, validators, date). */
  headers: http.OutgoingHttpHeaders;
  stored: Stored;
  /** An HTML page's CSP without and with upgrade-insecure-requests (for readers arriving over HTTPS). */
  policies: { plain: string; upgraded: string } | null;
  /** Whether every reader of its key may have it: a 200 that sets no cookie. */
  shareable: boolean;
}

/** Describe one transfer, or one hop: never kept or copied. */
const TRANSFER_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "etag",
  "last-modified",
  "date",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
]);

const TEXTUAL = /^(?:text\/|application\/(?:json|javascript|manifest\+json|xml|geo\+json)|image\/svg\+xml)/;

/** Connections to Next over loopback are reused; the renders are the cost, not the hop. */
const loopback = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** GET `path` from Next (uncompressed) and keep the answer's bytes. */
export function fetchAnswer(
  port: number,
  path: string,
  headers: http.OutgoingHttpHeaders,
  { frameable }: { frameable: boolean },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "GET",
        agent: loopback,
        headers: { ...headers, "accept-encoding": "identity" },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          answerOf(response, Buffer.concat(chunks), frameable).then(resolve, reject);
        });
      },
    );
    request.on("error", reject);
    request.end();
  });
}

async function answerOf(response: http.IncomingMessage, body: Buffer, frameable: boolean): Promise<Answer> {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined && !TRANSFER_HEADERS.has(name)) headers[name] = value;
  }
  const type = String(headers["content-type"] ?? "");
  const status = response.statusCode ?? 502;
  // A page's own policy (the upstream-error page's) is kept; every other page gets its scripts' hashes.
  const html = type.startsWith("text/html") && headers["content-security-policy"] === undefined;
  const page = html ? scriptsAfterPaint(body.toString("utf8")) : null;
  const scriptHashes = page === null ? [] : inlineScriptHashes(page);
  const policy = (upgradeInsecure: boolean) => pagePolicy({ scriptHashes, frameable, upgradeInsecure });
  return {
    status,
    headers,
    stored: await storeBody(page === null ? body : Buffer.from(page, "utf8"), TEXTUAL.test(type)),
    policies: html ? { plain: policy(false), upgraded: policy(true) } : null,
    shareable: status === 200 && headers["set-cookie"] === undefined,
  };
}

function withAcceptEncoding(vary: http.OutgoingHttpHeader | undefined): string {
  const names = (Array.isArray(vary) ? vary.join(",") : String(vary ?? ""))
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (!names.some((name) => name.toLowerCase() === "accept-encoding")) names.push("Accept-Encoding");
  return names.join(", ");
}

interface HeaderSet {
  /** What a 304 repeats. */
  revalidated: http.OutgoingHttpHeaders;
  full: http.OutgoingHttpHeaders;
}

/** Each answer's headers per encoding, scheme and Cache-Control, built on first use: a hit only looks them up. */
const headerSets = new WeakMap<Answer, Map<string, HeaderSet>>();

function headerSet(answer: Answer, encoding: Encoding, upgraded: boolean, cacheControl?: string): HeaderSet {
  let sets = headerSets.get(answer);
  if (!sets) headerSets.set(answer, (sets = new Map()));
  const key = `${encoding} ${upgraded} ${cacheControl ?? ""}`;
  let set = sets.get(key);
  if (!set) {
    const control = cacheControl ?? answer.headers["cache-control"];
    const revalidated: http.OutgoingHttpHeaders = {
      etag: answer.stored.etags[encoding],
      vary: withAcceptEncoding(answer.headers.vary),
      ...(control ? { "cache-control": control } : {}),
    };
    const full: http.OutgoingHttpHeaders = {
      ...answer.headers,
      ...revalidated,
      ...(answer.policies
        ? { "content-security-policy": upgraded ? answer.policies.upgraded : answer.policies.plain }
        : {}),
      ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
      "content-length": answer.stored.bodies[encoding].length,
    };
    set = { revalidated, full };
    sets.set(key, set);
  }
  return set;
}

/** Writes a kept answer in the encoding the reader accepts, or 304 when its copy is current. */
export function writeAnswer(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  answer: Answer,
  cacheControl?: string,
): void {
  const encoding: Encoding =
    answer.stored.bodies.br === answer.stored.bodies.identity
      ? "identity"
      : chooseEncoding(request.headers["accept-encoding"], answer.stored.bodies);
  const headers = headerSet(answer, encoding, request.headers["x-forwarded-proto"] === "https", cacheControl);
  if (answer.status === 200 && isNotModified(request.headers["if-none-match"], answer.stored)) {
    response.writeHead(304, headers.revalidated);
    response.end();
    return;
  }
  response.writeHead(answer.status, headers.full);
  response.end(request.method === "HEAD" ? undefined : answer.stored.bodies[encoding]);
}

/** Writes an answer built here (a refusal) rather than rendered by Next. */
export async function writeResponse(response: http.ServerResponse, answer: Response): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), "content-length": body.length });
  response.end(response.req.method === "HEAD" ? undefined : body);
}
