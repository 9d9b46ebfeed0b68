import type { PackedRows } from "@/lib/join/packed-rows";
import type { NationalFigures } from "@/lib/join/types";
import type { ColourScale, Metric } from "@/lib/scale/scale";
import type { BoundarySet } from "@/lib/seats/types";
import { packedRowsOf } from "@/lib/load/atlas-payload";
import type { LoadedPetition } from "@/lib/load/petition";

/**
 * GET /api/petitions/ID: the parts of a loaded petition that change as signatures arrive. The seats are columns
 * (lib/join/packed-rows.ts, as the page sends them: one array per field, shared strings once, rates and shares left
 * for the reader to derive with unpackRows), a quarter of the bytes of one object per seat.
 */
export interface LiveTable {
  petition: { id: number; action: string; state: string; signatureCount: number };
  asOf: string;
  stale: boolean;
  boundarySet: BoundarySet;
  national: NationalFigures;
  packedRows: PackedRows;
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
    packedRows: packedRowsOf(loaded.joined),
    scales: loaded.scales,
  };
}
