import type { Petition } from "@/lib/petitions/types";
import type { BoundarySet } from "@/lib/seats/types";

/** The July 2024 general election: petitions created after it belong to the 2024-set parliament. */
const BOUNDARY_CHANGE = "2024-07-04";

export type BoundarySetChoice = { ok: true; set: BoundarySet } | { ok: false; unknownCodes: string[] };

/**
 * Which boundary set a petition's constituency codes are in. Codes decide (five Scottish codes sit in both sets, so
 * they decide nothing); a petition without breakdowns falls back to its parliament or dates.
 */
export function chooseBoundarySet(
  petition: Petition,
  codesBySet: Readonly<Record<BoundarySet, ReadonlySet<string>>>,
): BoundarySetChoice {
  const codes = petition.byConstituency.map((row) => row.code);
  const only2010 = codes.filter((code) => codesBySet["2010"].has(code) && !codesBySet["2024"].has(code));
  const only2024 = codes.filter((code) => codesBySet["2024"].has(code) && !codesBySet["2010"].has(code));
  const unknownCodes = codes.filter((code) => !codesBySet["2010"].has(code) && !codesBySet["2024"].has(code));
  if (unknownCodes.length > 0 || (only2010.length > 0 && only2024.length > 0)) {
    return { ok: false, unknownCodes: unknownCodes.length > 0 ? unknownCodes : only2010 };
  }
  if (only2024.length > 0) return { ok: true, set: "2024" };
  if (only2010.length > 0) return { ok: true, set: "2010" };
  return { ok: true, set: setByDate(petition) };
}

function setByDate(petition: Petition): BoundarySet {
  if (petition.archived && petition.parliament?.dissolutionAt) {
    return petition.parliament.dissolutionAt.slice(0, 10) <= BOUNDARY_CHANGE ? "2010" : "2024";
  }
  const started = petition.openedAt ?? petition.createdAt;
  return started !== null && started.slice(0, 10) < BOUNDARY_CHANGE ? "2010" : "2024";
}
