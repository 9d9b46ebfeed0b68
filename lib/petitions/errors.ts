/** Typed failures of the petitions site, each with the HTTP status our own API should answer with. */

/** "busy": our own upstream budget is spent (see budget.ts), so the site was not asked at all. */
export type PetitionErrorKind = "not-found" | "unavailable" | "timeout" | "malformed" | "busy";

/** Our answer for each kind; "unavailable" is 502 when upstream answered 5xx, 503 when it could not be reached. */
const DEFAULT_STATUS: Record<PetitionErrorKind, number> = {
  "not-found": 404,
  unavailable: 502,
  timeout: 504,
  malformed: 502,
  busy: 503,
};

/**
 * Marks PetitionErrors across bundles: proxy.ts and the pages each bundle their own copy of this class but share
 * one petition cache, so `instanceof` alone would miss errors made by the other copy.
 */
const BRAND = Symbol.for("petition-atlas/PetitionError");

export class PetitionError extends Error {
  readonly [BRAND] = true;
  readonly kind: PetitionErrorKind;
  readonly status: number;
  /** The upstream HTTP status, when there was one. */
  readonly upstreamStatus: number | null;
  /** For "busy": when asking again may succeed (the Retry-After header). */
  readonly retryAfterSeconds: number | null;

  constructor(
    kind: PetitionErrorKind,
    message: string,
    opts: { status?: number; upstreamStatus?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "PetitionError";
    this.kind = kind;
    this.status = opts.status ?? DEFAULT_STATUS[kind];
    this.upstreamStatus = opts.upstreamStatus ?? null;
    this.retryAfterSeconds = opts.retryAfterSeconds ?? null;
  }
}

export function isPetitionError(error: unknown): error is PetitionError {
  return error instanceof PetitionError || (typeof error === "object" && error !== null && BRAND in error);
}
