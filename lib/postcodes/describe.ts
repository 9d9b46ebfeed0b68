/** What a postcode search says about the seat it found, the same in the search box and on the no-JS /find page. */
import type { SeatAnswer, SeatRef } from "./lookup";

export interface SeatDescription {
  text: string;
  /** Seats the postcode may be in instead, to offer beside the answer. */
  alternatives: SeatRef[];
}

/** "A, B or C". */
function either(names: string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/**
 * The answer with how sure it is: exact answers plainly; estimated ones say so; near a boundary, the neighbouring
 * seats are named as where the postcode may be instead.
 */
export function describePostcodeSeat(postcode: string, seat: SeatAnswer): SeatDescription {
  if (seat.placement === "exact") return { text: `${postcode} is in ${seat.name}.`, alternatives: [] };
  const estimated = "estimated from where the postcode lies";
  if (!seat.nearBoundary) return { text: `${postcode} is in ${seat.name} (${estimated}).`, alternatives: [] };
  const others = either(seat.alternatives.map((other) => other.name));
  return {
    text: `${postcode} is probably in ${seat.name} (${estimated}), but it is close to the boundary with ${others}, so it may be there instead.`,
    alternatives: seat.alternatives,
  };
}
