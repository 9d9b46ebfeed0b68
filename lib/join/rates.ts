/**
 * The per-seat figures derived from a count. The join computes them and the client recomputes them from packed
 * rows (packed-rows.ts), so both must call these very functions to get bit-identical floats.
 */

/** Percentage of the petition's UK signatures; 0 when the UK has none. */
export function sharePercent(count: number, ukSignatures: number): number {
  return ukSignatures > 0 ? (count / ukSignatures) * 100 : 0;
}

/** Signatures per 1,000 electors; 0 for a seat without a known electorate. */
export function perThousandElectors(count: number, electorate: number): number {
  return electorate > 0 ? (count / electorate) * 1000 : 0;
}
