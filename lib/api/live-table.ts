import type { NationalFigures, SeatRow } from "@/lib/join/types";
import type { ColourScale, Metric } from "@/lib/scale/scale";
import type { BoundarySet } from "@/lib/seats/types";
import type { LoadedPetition } from "@/lib/load/petition";

/** The parts of a loaded petition that change as signatures arrive. */
export interface LiveTable {
  petition: { id: number; action: string; state: string; signatureCount: number };
  asOf: string;
  stale: boolean;
  boundarySet: BoundarySet;
  national: NationalFigures;
  rows: SeatRow[];
  scales: Record<Metric, ColourScale>;
}

export function liveTable(loaded: LoadedPetition): LiveTable {
  const { petition } = loaded.load;
  return {
    petition: {
      id: petition.id,
      action: petition.action,
      state: petition.state,
      signatureCount: petition.signatureCount,
    },
    asOf: loaded.load.asOf,
    stale: loaded.load.stale,
    boundarySet: loaded.joined.set,
    national: loaded.joined.national,
    rows: loaded.joined.rows,
    scales: loaded.scales,
  };
}
