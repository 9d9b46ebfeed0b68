/**
 * The petitions index held in memory for seat pages: per boundary set, every indexed petition's counts as a
 * Uint32Array in the set's seat order, so a seat page reads one number per petition instead of having the
 * database cut a slice out of every petition's blob. Loaded once; each refresh then reads only the rows fetched
 * since the newest one held (an index on fetched_at), so a crawl in this process or another one shows on the next
 * page. Memory: 4 bytes × seats × petitions with a breakdown (2.6 KB a petition on 650 seats).
 */
import type { BoundarySet } from "@/lib/seats/types";
import { unpackSeatCounts } from "./seat-counts";
import type { IndexCoverage, IndexedPetition, PetitionIndex, SeatSignatures } from "./store";

interface HeldPetition {
  row: Omit<IndexedPetition, "seats">;
  counts: Uint32Array | null;
}

export class SeatMatrix {
  private readonly petitions = new Map<number, HeldPetition>();
  /** Petitions with counts, per set, for the seat page's scan. */
  private readonly bySet: Record<BoundarySet, Map<number, HeldPetition>> = {
    "2010": new Map(),
    "2024": new Map(),
  };
  private newest = 0;
  private refreshing: Promise<void> | null = null;

  /** Reads what the index saved since the last refresh; concurrent callers share one read. */
  refresh(index: PetitionIndex): Promise<void> {
    this.refreshing ??= index
      .fetchedSince(this.newest)
      .then((rows) => this.apply(rows))
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** Holds `rows`, replacing earlier copies of the same petitions. */
  apply(rows: readonly IndexedPetition[]): void {
    for (const { seats, ...row } of rows) {
      const held: HeldPetition = { row, counts: seats && row.boundarySet ? unpackSeatCounts(seats) : null };
      this.bySet["2010"].delete(row.id);
      this.bySet["2024"].delete(row.id);
      this.petitions.set(row.id, held);
      if (held.counts && row.boundarySet) this.bySet[row.boundarySet].set(row.id, held);
      this.newest = Math.max(this.newest, row.fetchedAt);
    }
  }

  /** Every petition of `set` with a breakdown, with its count in the seat at `seatIndex` of the set's order. */
  seatSignatures(set: BoundarySet, seatIndex: number): SeatSignatures[] {
    const rows: SeatSignatures[] = [];
    for (const { row, counts } of this.bySet[set].values()) {
      rows.push({
        id: row.id,
        title: row.title,
        state: row.state,
        signatureCount: row.signatureCount,
        inSeats: row.inSeats,
        seat: counts?.[seatIndex] ?? 0,
        topics: row.topics,
      });
    }
    return rows;
  }

  coverage(): IndexCoverage {
    return {
      petitions: this.petitions.size,
      withSeats: { "2010": this.bySet["2010"].size, "2024": this.bySet["2024"].size },
      latestFetchAt: this.petitions.size > 0 ? this.newest : null,
    };
  }
}
