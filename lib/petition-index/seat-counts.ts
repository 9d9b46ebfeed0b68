/**
 * A petition's per-seat counts in the index: one little-endian uint32 per seat of its boundary set, in the set's
 * ONS-code order (lib/seats getSeats), so seat N's count is at the same place in every petition's counts.
 */
import type { SignatureCount } from "@/lib/petitions/types";
import type { SeatMeta } from "@/lib/seats/types";

const WIDTH = 4;

/** Counts of `rows` in the order of `seats` (a seat the petition omits has 0), and their sum. */
export function packSeatCounts(
  seats: readonly SeatMeta[],
  rows: readonly SignatureCount[],
): { blob: Buffer; inSeats: number } {
  const byCode = new Map(rows.map((row) => [row.code, row.count]));
  const blob = Buffer.alloc(seats.length * WIDTH);
  let inSeats = 0;
  seats.forEach((seat, index) => {
    const count = byCode.get(seat.code) ?? 0;
    blob.writeUInt32LE(count, index * WIDTH);
    inSeats += count;
  });
  return { blob, inSeats };
}

/** The stored blob back to its counts, in seat order (a copy: the database's buffer is not kept). */
export function unpackSeatCounts(blob: Uint8Array): Uint32Array {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const counts = new Uint32Array(Math.floor(blob.byteLength / WIDTH));
  for (let index = 0; index < counts.length; index += 1) counts[index] = view.getUint32(index * WIDTH, true);
  return counts;
}
