import { UnknownBoundaryError } from "@/lib/join/boundary-set";
import { isPetitionError, type PetitionErrorKind } from "@/lib/petitions/errors";
import { petitionErrorPage } from "@/lib/security/error-page";

/** Every way a request for a petition can fail, as a reader is told about it. */
export type PetitionFailureKind = "bad-id" | PetitionErrorKind | "unknown-boundaries" | "internal";

export interface PetitionFailure {
  kind: PetitionFailureKind;
  status: number;
  message: string;
  /** When asking again may succeed ("busy": our own upstream budget is spent); sent as Retry-After. */
  retryAfterSeconds?: number;
}

/** An id that is not 1–9 digits: the request can never name a petition. */
export const BAD_PETITION_ID: PetitionFailure = {
  kind: "bad-id",
  status: 400,
  message: "A petition id is a number, e.g. 575833.",
};

const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again shortly.";

/**
 * The one mapping from a failed petition load to an HTTP status and an honest message: the petitions site's typed
 * errors keep their status, an answer that fits no boundary set is 502, anything else is our fault (503, logged
 * with `where`, never shown as a stack trace).
 */
export function petitionFailureOf(
  error: unknown,
  where: { route: string; petition: string | number },
): PetitionFailure {
  if (isPetitionError(error)) {
    const { kind, status, message, retryAfterSeconds } = error;
    return { kind, status, message, ...(retryAfterSeconds === null ? {} : { retryAfterSeconds }) };
  }
  if (error instanceof UnknownBoundaryError)
    return { kind: "unknown-boundaries", status: 502, message: error.message };
  console.error(JSON.stringify({ event: "route-error", ...where, error: String(error) }));
  return { kind: "internal", status: 503, message: INTERNAL_MESSAGE };
}

/** How the caller answers: JSON `{error}` for the API, plain text for an image URL, a whole HTML page for a page. */
export type ErrorFormat =
  { as: "json" } | { as: "text" } | { as: "html"; petitionId: number; retryPath: string; frameable: boolean };

/** A failure as a response that no cache keeps. */
export function petitionErrorResponse(
  { kind, status, message, retryAfterSeconds }: PetitionFailure,
  format: ErrorFormat,
): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(retryAfterSeconds);
  switch (format.as) {
    case "json":
      return Response.json({ error: message }, { status, headers });
    case "text":
      return new Response(message, {
        status,
        headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
      });
    case "html":
      return petitionErrorPage({
        status,
        detail: message,
        busy: kind === "busy",
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
        ...format,
      });
  }
}
