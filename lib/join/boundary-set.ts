import type { Petition } from "@/lib/petitions/types";
import type { BoundarySet } from "@/lib/seats/types";

/** The July 2024 general election: petitions created after it belong to the 2024-set parliament. */
const BOUNDARY_CHANGE = "2024-07-04";

export type BoundarySetChoice =
  | { ok: true; set: BoundarySet }
  /** `codes`: the codes in neither set, or for a mix, the first code found only in each set. */
  | { ok: false; problem: "unknown-codes" | "mixed-sets"; codes: string[] };

/** Why a petition fits no boundary set, in words for an error page or an API answer. */
export function boundarySetProblem(choice: Extract<BoundarySetChoice, { ok: false }>): string {
  const examples = choice.codes.slice(0, 5).join(", ");
  return choice.problem === "unknown-codes"
    ? `The petitions site listed constituency codes from neither boundary set (${examples})`
    : `The petitions site listed constituencies from both the 2010 and the 2024 boundaries (${examples})`;
}

/** The petition's constituency codes fit neither boundary set (codes unknown, or from both at once). */
export class UnknownBoundaryError extends Error {
  constructor(choice: Extract<BoundarySetChoice, { ok: false }>) {
    super(boundarySetProblem(choice));
    this.name = "UnknownBoundaryError";
  }
}

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
  if (unknownCodes.length > 0) return { ok: false, problem: "unknown-codes", codes: unknownCodes };
  if (only2010.length > 0 && only2024.length > 0) {
    return { ok: false, problem: "mixed-sets", codes: [only2010[0]!, only2024[0]!] };
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
