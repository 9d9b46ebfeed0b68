import type { NationalFigures, SeatRow } from "@/lib/join/types";
import type { ColourScale, Metric } from "@/lib/scale/scale";
import type { BoundarySet } from "@/lib/seats/types";
import type { PetitionView } from "./load";

/** The parts of a petition view that change as signatures arrive. */
export interface LiveTable {
  petition: { id: number; action: string; state: string; signatureCount: number };
  asOf: string;
  stale: boolean;
  boundarySet: BoundarySet;
  national: NationalFigures;
  rows: SeatRow[];
  scales: Record<Metric, ColourScale>;
}

export function liveTable(view: PetitionView): LiveTable {
  const { petition } = view.load;
  return {
    petition: {
      id: petition.id,
      action: petition.action,
      state: petition.state,
      signatureCount: petition.signatureCount,
    },
    asOf: view.load.asOf,
    stale: view.load.stale,
    boundarySet: view.joined.set,
    national: view.joined.national,
    rows: view.joined.rows,
    scales: view.scales,
  };
}
