/**
 * Which limit a request is charged to and how it is refused. The front server charges the "request" tier for every
 * answer it cannot give from what it keeps; proxy.ts charges the "costly" tier by `costlyRequest`.
 */
import { PETITION_ID_PATTERN, petitionIdOf } from "@/lib/petitions/input";
import { isFrameablePath } from "@/lib/security/csp";
import { tooManyRequestsPage } from "@/lib/security/error-page";
import { tooManyRequestsJson, tooManyRequestsMessage } from "./index";

/** A page (not an API answer, a file or a route with an extension such as .csv or .png). */
export function isPagePath(pathname: string): boolean {
  return !pathname.startsWith("/api/") && !pathname.startsWith("/_next/") && !/\.[^/]*$/.test(pathname);
}

/** Load balancers' health checks are never limited. */
export function isUnlimitedPath(pathname: string): boolean {
  return pathname === "/api/health";
}

/** The 429 answer: a small HTML page for pages, JSON for everything else. */
export function tooManyRequests(pathname: string, retryAfterSeconds: number): Response {
  if (!isPagePath(pathname)) return tooManyRequestsJson(retryAfterSeconds);
  return tooManyRequestsPage({
    retryAfterSeconds,
    message: tooManyRequestsMessage(retryAfterSeconds),
    frameable: isFrameablePath(pathname),
  });
}

const ID = `(${PETITION_ID_PATTERN})`;
/** Every route that names petitions in its path: pages, JSON, history, CSVs, link-preview images, comparisons. */
const PETITION_ROUTE = new RegExp(
  `^/(?:(?:embed/)?petitions/${ID}(?:/constituencies\\.csv)?|api/petitions/${ID}(?:/history)?|og/petitions/${ID}/map\\.png|compare/${ID}/${ID}(?:/seats\\.csv)?)$`,
);
/** Searches: each query is work for one client (and, for the list, an upstream call). */
const SEARCH_PARAMS: Record<string, string> = { "/petitions": "q", "/find": "q", "/compare": "with" };

/** What we already hold, so that answering asks nobody upstream. */
export interface HeldAnswers {
  petition(id: number): Promise<boolean>;
  listPage(page: string | null): Promise<boolean>;
}

/**
 * Whether answering makes us work for this client alone: build a CSV or a PNG, run a search, post a form, or ask
 * upstream for a petition or list page we hold no answer for.
 */
export async function costlyRequest(method: string, url: URL, held: HeldAnswers): Promise<boolean> {
  const { pathname, searchParams } = url;
  if (method !== "GET" && method !== "HEAD") return true;
  if (pathname.endsWith(".csv") || pathname.endsWith(".png")) return true;
  const searchParam = SEARCH_PARAMS[pathname];
  if (searchParam !== undefined && (searchParams.get(searchParam) ?? "").trim() !== "") return true;
  if (pathname === "/petitions") return !(await held.listPage(searchParams.get("page")));
  const named = PETITION_ROUTE.exec(pathname)?.slice(1) ?? [];
  if (pathname === "/find") named.push(searchParams.get("petition") ?? "");
  const ids = named.map(petitionIdOf).filter((id) => id !== null);
  for (const id of ids) if (!(await held.petition(id))) return true;
  return false;
}
