import "server-only";
import { loadPetition } from "@/lib/load/petition";
import { lookupPostcode } from "@/lib/postcodes";
import { describePostcodeSeat } from "@/lib/postcodes/describe";
import type { SeatRef } from "@/lib/postcodes/lookup";
import { petitionIdOf, SEED_PETITION_ID } from "@/lib/petitions";
import { firstParam, type SearchParamsLike } from "@/lib/search-params";
import { looksLikePostcode } from "./seat-search";
import type { BoundarySet } from "@/lib/seats/types";
import { buildViewHref, buildViewQuery, parseViewState, type ViewState } from "@/lib/view-state";

/**
 * The no-JavaScript seat search (/find): what it was asked, and where a postcode search ends. A postcode is read
 * from a POST body and answered with a redirect to a URL without it (the seat's view, or /find listing the seats
 * it may be in), so it reaches no link, browser history or access log.
 */
export interface FindRequest {
  query: string;
  petitionId: number;
  /** The petition view the search came from and returns to: only our own petition paths. */
  from: string;
  /** The view (metric, map kind, region) the search keeps; never a camera. */
  state: ViewState;
}

/** Why a postcode search placed no seat, as /find?miss= names it (the postcode itself stays out of the URL). */
export const POSTCODE_MISSES = {
  invalid: "That is not a UK postcode. Enter one like SW1A 1AA.",
  unknown:
    "That postcode is not in the ONS postcode directory (May 2025). Check it, or try a neighbour's postcode.",
  crown:
    "That postcode is in a Crown Dependency (Jersey, Guernsey or the Isle of Man), not in a UK parliamentary constituency.",
  unplaced: "We cannot place that postcode in a constituency on these boundaries.",
} as const;
export type PostcodeMiss = keyof typeof POSTCODE_MISSES;

/** Seats listed for one estimated postcode answer: the estimate and its neighbours. */
const MOST_NEAR_SEATS = 4;

export function findRequestOf(params: SearchParamsLike): FindRequest {
  const petitionId = petitionIdOf(firstParam(params, "petition")) ?? SEED_PETITION_ID;
  return {
    query: firstParam(params, "q").trim().slice(0, 100),
    petitionId,
    from:
      firstParam(params, "from") === "/" && petitionId === SEED_PETITION_ID
        ? "/"
        : `/petitions/${petitionId}`,
    state: { ...parseViewState(params), area: null, at: null },
  };
}

/** The seat's view, opened from the petition view the search came from. */
export function seatHref(request: FindRequest, code: string): string {
  return buildViewHref(request.from, { ...request.state, area: code });
}

/** /find with the search's context and `extra` (q for words, near or miss for a postcode's answer). */
export function findHref(request: FindRequest, extra: Record<string, string>): string {
  const params = new URLSearchParams({ petition: String(request.petitionId), from: request.from });
  for (const [key, value] of new URLSearchParams(buildViewQuery(request.state))) params.set(key, value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `/find?${params.toString().replaceAll("%2C", ",").replaceAll("%2F", "/")}`;
}

/** Where a postcode search ends: the seat when it is exact, else /find listing the seats it may be in, or why not. */
export async function postcodeDestination(request: FindRequest, set: BoundarySet): Promise<string> {
  const answer = await lookupPostcode(request.query);
  if (answer.kind === "invalid") return findHref(request, { miss: "invalid" });
  if (answer.kind === "unknown") return findHref(request, { miss: "unknown" });
  if (answer.kind === "crown-dependency") return findHref(request, { miss: "crown" });
  const seat = answer.sets[set];
  if (!seat) return findHref(request, { miss: "unplaced" });
  if (seat.placement === "exact") return seatHref(request, seat.code);
  return findHref(request, { near: [seat, ...seat.alternatives].map((near) => near.code).join(",") });
}

/**
 * Where the form's POST is sent on (303): a postcode to its seat or to /find with what it found, never with the
 * postcode; words to /find?q=, which lists or opens the seats they match.
 */
export async function findSubmissionTarget(form: URLSearchParams): Promise<string> {
  const request = findRequestOf(form);
  if (!looksLikePostcode(request.query)) return findHref(request, request.query ? { q: request.query } : {});
  try {
    return await postcodeDestination(request, (await loadPetition(request.petitionId)).joined.set);
  } catch {
    // The petition cannot be loaded: /find shows why, and the postcode stays out of its URL.
    return findHref(request, {});
  }
}

/** What /find?near= says: the estimated seat first, then where the postcode may be instead. */
export function describeNearSeats(
  near: string,
  seats: readonly SeatRef[],
): { text: string; seats: SeatRef[] } | null {
  const byCode = new Map(seats.map((seat) => [seat.code, seat]));
  const [estimate, ...alternatives] = near
    .split(",")
    .slice(0, MOST_NEAR_SEATS)
    .flatMap((code) => byCode.get(code) ?? []);
  if (!estimate) return null;
  const { text } = describePostcodeSeat("That postcode", {
    ...estimate,
    placement: "estimated",
    nearBoundary: alternatives.length > 0,
    alternatives,
  });
  return { text, seats: [estimate, ...alternatives] };
}

/** The reason named by /find?miss=, or null. */
export function postcodeMissMessage(miss: string): string | null {
  return Object.hasOwn(POSTCODE_MISSES, miss) ? POSTCODE_MISSES[miss as PostcodeMiss] : null;
}
