/**
 * Compact snapshot vectors: each count is written as the zig-zag varint of its change since the previous snapshot
 * (or of itself in a keyframe), then the bytes are deflated. Between two polls most seats change by a few
 * signatures, so a 650-seat snapshot takes a few hundred bytes instead of 650 rows.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";

/** Counts in the order of the petition's code dictionary. */
export type Counts = ArrayLike<number>;

/** Decoded counts are 32-bit: far above any petition's signatures (the UK has under 70 million people). */
const MAX_COUNT = 2 ** 31 - 1;

function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

function unzigzag(value: number): number {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

function writeVarint(bytes: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
}

/** Encodes `counts` as changes from `previous` (null: a keyframe). `previous` may be shorter: missing codes were 0. */
export function encodeCounts(counts: Counts, previous: Counts | null): Buffer {
  const bytes: number[] = [];
  writeVarint(bytes, counts.length);
  for (let index = 0; index < counts.length; index += 1) {
    const count = counts[index]!;
    if (!Number.isSafeInteger(count) || count < 0 || count > MAX_COUNT) {
      throw new RangeError(`Count ${count} at ${index} is not a whole number of signatures`);
    }
    writeVarint(bytes, zigzag(count - (previous?.[index] ?? 0)));
  }
  return deflateRawSync(Uint8Array.from(bytes));
}

/** The inverse of encodeCounts, given the same `previous` it was encoded against. */
export function decodeCounts(blob: Uint8Array, previous: Counts | null): Int32Array {
  const bytes = inflateRawSync(blob);
  let offset = 0;
  // Varints are read inline: this runs for every seat of every snapshot a history read decodes.
  const next = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new Error("Snapshot blob ends inside a number");
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 35) throw new Error("Snapshot blob has an over-long number");
    }
  };
  const length = next();
  if (previous && previous.length > length) throw new Error("Snapshot has fewer codes than its predecessor");
  const counts = new Int32Array(length);
  for (let index = 0; index < length; index += 1) {
    const change = next();
    counts[index] = (index < (previous?.length ?? 0) ? previous![index]! : 0) + unzigzag(change);
  }
  if (offset !== bytes.length) throw new Error("Snapshot blob has bytes after its last count");
  return counts;
}

/** True when two count vectors say the same thing (trailing zeros for codes one of them lacks count as 0). */
export function sameCounts(a: Counts, b: Counts): boolean {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    if ((a[index] ?? 0) !== (b[index] ?? 0)) return false;
  }
  return true;
}
