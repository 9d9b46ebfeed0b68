/** What the petitions index must hold after crawling the stand-in: one row per petition it serves, as indexRecord makes it. */
import type { Sql } from "@/lib/history/sql";
import { indexRecord } from "@/lib/petition-index/store";
import { reshapePetition } from "@/lib/petitions/reshape";
import type { PetitionDoc } from "@/test/upstream/faults";

export interface IndexRow {
  id: number;
  signatureCount: number;
  boundarySet: string | null;
  inSeats: number;
  seats: string | null;
}

/** The index's rows, by id, with seat blobs as hex. */
export async function indexRows(sql: Sql): Promise<IndexRow[]> {
  const rows = await sql.all<{
    petition_id: number;
    signature_count: number;
    boundary_set: string | null;
    in_seats: number;
    seats: Uint8Array | null;
  }>(
    "SELECT petition_id, signature_count, boundary_set, in_seats, seats FROM index_petitions ORDER BY petition_id",
  );
  return rows.map((row) => ({
    id: Number(row.petition_id),
    signatureCount: Number(row.signature_count),
    boundarySet: row.boundary_set,
    inSeats: Number(row.in_seats),
    seats: row.seats ? Buffer.from(row.seats).toString("hex") : null,
  }));
}

/** The rows the index should hold for `docs`. */
export function expectedRows(docs: readonly PetitionDoc[]): IndexRow[] {
  return docs
    .map((doc) => {
      const petition = reshapePetition(structuredClone(doc));
      const record = indexRecord(petition);
      return {
        id: petition.id,
        signatureCount: petition.signatureCount,
        boundarySet: record.boundarySet,
        inSeats: record.inSeats,
        seats: record.seats ? record.seats.toString("hex") : null,
      };
    })
    .toSorted((a, b) => a.id - b.id);
}
