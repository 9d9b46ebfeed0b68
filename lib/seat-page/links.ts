/** Links between seat pages and petition maps (no server code: the seat panel uses them too). */
import type { BoundarySet } from "@/lib/seats/types";

/** A seat's page; the set is named because five Scottish codes are in both boundary sets. */
export function seatPagePath(code: string, set: BoundarySet): string {
  return `/seats/${code}?set=${set}`;
}

/** A petition's map with the seat selected. */
export function petitionSeatPath(petitionId: number, code: string): string {
  return `/petitions/${petitionId}?area=${code}`;
}
