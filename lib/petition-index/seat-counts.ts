/**
 * A petition's per-seat counts in the index: one little-endian uint32 per seat of its boundary set, in the set's
 * ONS-code order (lib/seats getSeats). Fixed width, so the database hands a seat page one seat's 4 bytes of every
 * petition (SUBSTR on the blob) instead of every petition's 650 counts.
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

export function unpackSeatCounts(blob: Uint8Array): number[] {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  return Array.from({ length: Math.floor(blob.byteLength / WIDTH) }, (_, index) =>
    view.getUint32(index * WIDTH, true),
  );
}

/** The 1-based byte offset of seat `index` in the blob, for SQL's SUBSTR(seats, offset, 4). */
export function seatSliceStart(index: number): number {
  return index * WIDTH + 1;
}

/** One seat's slice (4 bytes) back to its count; 0 for an empty or short slice. */
export function sliceCount(slice: Uint8Array | null): number {
  if (!slice || slice.byteLength < WIDTH) return 0;
  return new DataView(slice.buffer, slice.byteOffset, WIDTH).getUint32(0, true);
}

export const SEAT_COUNT_WIDTH = WIDTH;
