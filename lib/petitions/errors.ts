/** Typed failures of the petitions site, each with the HTTP status our own API should answer with. */

export type PetitionErrorKind = "not-found" | "unavailable" | "timeout" | "malformed";

/** Our answer for each kind; "unavailable" is 502 when upstream answered 5xx, 503 when it could not be reached. */
const DEFAULT_STATUS: Record<PetitionErrorKind, number> = {
  "not-found": 404,
  unavailable: 502,
  timeout: 504,
  malformed: 502,
};

export class PetitionError extends Error {
  readonly kind: PetitionErrorKind;
  readonly status: number;
  /** The upstream HTTP status, when there was one. */
  readonly upstreamStatus: number | null;

  constructor(
    kind: PetitionErrorKind,
    message: string,
    opts: { status?: number; upstreamStatus?: number } = {},
  ) {
    super(message);
    this.name = "PetitionError";
    this.kind = kind;
    this.status = opts.status ?? DEFAULT_STATUS[kind];
    this.upstreamStatus = opts.upstreamStatus ?? null;
  }
}

export function isPetitionError(error: unknown): error is PetitionError {
  return error instanceof PetitionError;
}
