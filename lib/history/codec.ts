/**
 * Compact snapshot vectors: each count is written as the zig-zag varint of its change since the previous snapshot
 * (or of itself in a keyframe), then the bytes are deflated. Between two polls most seats change by a few
 * signatures, so a 650-seat snapshot takes a few hundred bytes instead of 650 rows.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";

/** Counts in the order of the petition's code dictionary. */
export type Counts = readonly number[];

const MAX_SAFE_COUNT = 2 ** 40;

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

/** Reads varints one after another from a byte array. */
class VarintReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new Error("Snapshot blob ends inside a number");
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > MAX_SAFE_COUNT * 0x80) throw new Error("Snapshot blob has an over-long number");
    }
  }

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }
}

/** Encodes `counts` as changes from `previous` (null: a keyframe). `previous` may be shorter: missing codes were 0. */
export function encodeCounts(counts: Counts, previous: Counts | null): Buffer {
  const bytes: number[] = [];
  writeVarint(bytes, counts.length);
  for (let index = 0; index < counts.length; index += 1) {
    const count = counts[index]!;
    if (!Number.isSafeInteger(count) || count < 0 || count > MAX_SAFE_COUNT) {
      throw new RangeError(`Count ${count} at ${index} is not a whole number of signatures`);
    }
    writeVarint(bytes, zigzag(count - (previous?.[index] ?? 0)));
  }
  return deflateRawSync(Uint8Array.from(bytes));
}

/** The inverse of encodeCounts, given the same `previous` it was encoded against. */
export function decodeCounts(blob: Uint8Array, previous: Counts | null): number[] {
  const reader = new VarintReader(inflateRawSync(blob));
  const length = reader.next();
  if (previous && previous.length > length) throw new Error("Snapshot has fewer codes than its predecessor");
  const counts = new Array<number>(length);
  for (let index = 0; index < length; index += 1) {
    counts[index] = (previous?.[index] ?? 0) + unzigzag(reader.next());
  }
  if (!reader.done) throw new Error("Snapshot blob has bytes after its last count");
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
