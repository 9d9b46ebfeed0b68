import { seededRandom } from "@/lib/seeded-random";

/** A fixed pseudo-random sample of postcodes, shared by the accuracy test, the build statistics and the bench. */

export const SAMPLE_SEED = 20_250_501;
export const SAMPLE_SIZE = 50_000;


/** `size` distinct items chosen by a partial Fisher–Yates shuffle, returned in their original order. */
export function sampleOf<T>(items: readonly T[], size = SAMPLE_SIZE, seed = SAMPLE_SEED): T[] {
  const random = seededRandom(seed);
  const indices = Uint32Array.from(items.keys());
  const count = Math.min(size, items.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (indices.length - i));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return [...indices.subarray(0, count)].sort((a, b) => a - b).map((index) => items[index]!);
}
