import "server-only";
import { cache } from "react";
import { loadPetition, type LoadedPetition } from "@/lib/load/petition";
import type { DifferenceMeasure } from "@/lib/view-state";
import { comparePetitions, type Comparison } from "./compare";

export type ComparisonLoad =
  | { ok: true; a: LoadedPetition; b: LoadedPetition; comparison: Comparison }
  /** The two petitions are on different boundary sets: refused for now. */
  | { ok: false; a: LoadedPetition; b: LoadedPetition };

const listedCodes = (loaded: LoadedPetition) =>
  new Set(loaded.load.petition.byConstituency.map((row) => row.code));

/** Both petitions loaded (as their maps load them) and compared; one load per request. */
export const loadComparison = cache(
  async (idA: number, idB: number, measure: DifferenceMeasure): Promise<ComparisonLoad> => {
    const [a, b] = await Promise.all([loadPetition(idA), loadPetition(idB)]);
    if (a.joined.set !== b.joined.set) return { ok: false, a, b };
    const listed = { a: listedCodes(a), b: listedCodes(b) };
    return { ok: true, a, b, comparison: comparePetitions(a.joined, b.joined, listed, { measure }) };
  },
);
