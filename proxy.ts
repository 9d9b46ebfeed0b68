/**
 * Runs before every request that reaches Next (Node runtime, same process as the pages and the front server):
 * - everything but /api/health: the per-client "costly" limit (lib/rate-limit) when answering asks upstream,
 *   searches, or builds a CSV or an image; the front server (server.ts) charges the "request" tier;
 * - /api/*: a CSP that lets JSON load nothing;
 * - POST /find (the seat search without JavaScript): a 303 to the seat or to /find, never with the postcode;
 * - pages: X-Frame-Options, and for a petition page whose petition can be neither fetched nor served from a saved
 *   copy, an honest 502/503/504 page instead of a 500.
 * A page's CSP allows its inline scripts by hash, so the front server (server.ts) sets it on the rendered bytes.
 * Headers that never vary (HSTS, nosniff, Referrer-Policy, Permissions-Policy) come from next.config.js.
 */
import { NextResponse, type NextRequest } from "next/server";
import { boundedText } from "@/lib/http/request-target";
import { petitionErrorResponse, petitionFailureOf, type PetitionFailure } from "@/lib/http/petition-error";
import { chooseBoundarySet, UnknownBoundaryError } from "@/lib/join/boundary-set";
import {
  getPetition,
  hasListAnswer,
  hasPetitionAnswer,
  PETITION_ID_PATTERN,
  petitionIdOf,
} from "@/lib/petitions";
import { rateLimited, requestClient } from "@/lib/rate-limit";
import { costlyRequest, isUnlimitedPath, tooManyRequests } from "@/lib/rate-limit/routes";
import { findSubmissionTarget } from "@/lib/search/find-seat";
import { API_POLICY, isFrameablePath } from "@/lib/security/csp";
import { seatCodesBySet } from "@/lib/seats";

const PETITION_PAGE = new RegExp(`^/(?:embed/)?petitions/(${PETITION_ID_PATTERN})$`);
/** Any other single segment under /petitions/ (e.g. /petitions/abc) can only be a 404. */
const NOT_A_PETITION_PAGE = new RegExp(`^/(?:embed/)?petitions/(?!${PETITION_ID_PATTERN}$)[^/]+$`);
/** A path no route matches: Next answers it with app/not-found.tsx, rendered on the server with status 404. */
const NOT_FOUND_PATH = "/petition-not-found";

/** The petition a page request will show and may fail on: /petitions/ID, /embed/petitions/ID, /find?petition=ID. */
function petitionShownBy(url: URL): number | null {
  const page = PETITION_PAGE.exec(url.pathname)?.[1];
  return petitionIdOf(page ?? (url.pathname === "/find" ? url.searchParams.get("petition") : null));
}

/**
 * The error page when the petition cannot be shown for any reason but "no such petition" (that one is the page's
 * 404): upstream failing with no copy kept, or an answer whose constituencies fit neither boundary set.
 */
async function petitionFailure(id: number, url: URL): Promise<Response | "not-found" | null> {
  const answer = (failure: PetitionFailure) =>
    failure.kind === "not-found"
      ? "not-found"
      : petitionErrorResponse(failure, {
          as: "html",
          petitionId: id,
          retryPath: url.pathname + url.search,
          frameable: isFrameablePath(url.pathname),
        });
  const where = { route: "page", petition: id };
  try {
    const choice = chooseBoundarySet((await getPetition(id)).petition, seatCodesBySet());
    return choice.ok ? null : answer(petitionFailureOf(new UnknownBoundaryError(choice), where));
  } catch (error) {
    return answer(petitionFailureOf(error, where));
  }
}

const held = {
  petition: hasPetitionAnswer,
  listPage: (page: string | null) => hasListAnswer({ state: "open", page: page ?? 1 }),
};

/** A 429 when answering would cost us work for a client that has used up that allowance; null to go ahead. */
async function overCostlyLimit(request: NextRequest): Promise<Response | null> {
  const url = request.nextUrl;
  if (isUnlimitedPath(url.pathname) || !(await costlyRequest(request.method, url, held))) return null;
  const limited = rateLimited(requestClient(request.headers), "costly");
  return limited && tooManyRequests(url.pathname, limited.retryAfterSeconds);
}

export async function proxy(request: NextRequest): Promise<Response> {
  const url = request.nextUrl;
  const limited = await overCostlyLimit(request);
  if (url.pathname.startsWith("/api/")) {
    const response = limited ?? NextResponse.next();
    response.headers.set("Content-Security-Policy", API_POLICY);
    return response;
  }
  if (limited) return limited;
  // The no-JavaScript seat search posts its postcode here and is sent on by 303 to a URL without it.
  if (url.pathname === "/find" && request.method === "POST") {
    const form = await boundedText(request);
    if (form === null) return new Response("The form is too large.", { status: 413 });
    const target = await findSubmissionTarget(new URLSearchParams(form));
    // Next reads a proxy's Location as an absolute URL (and sends it on relative when it is same-origin).
    const response = NextResponse.redirect(new URL(target, request.url), 303);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }

  const petitionId = petitionShownBy(url);
  const failure = petitionId === null ? null : await petitionFailure(petitionId, url);
  if (failure instanceof Response) return failure;
  // A page that calls notFound() sends an empty shell that only JavaScript fills; this 404 is whole HTML.
  const notFound = failure === "not-found" || NOT_A_PETITION_PAGE.test(url.pathname);

  const response = notFound
    ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url))
    : NextResponse.next();
  if (!isFrameablePath(url.pathname)) response.headers.set("X-Frame-Options", "DENY");
  return response;
}

export const config = {
  matcher: [
    // Every API call, prefetch or not: a header must not be a way around the rate limit.
    "/api/:path*",
    // Pages, but not static files (hashed, CSP-free by nature) nor link prefetches (no document is rendered; the
    // front server still charges them the request tier).
    {
      source: "/((?!api/|_next/static|_next/image|geo/|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
