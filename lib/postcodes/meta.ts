/** Where the postcode index lives and what its small JSON companion says about it. */

/** Relative to the repository root (the working directory of `next start`, scripts and tests). */
export const INDEX_DIR = "data/postcodes";
export const INDEX_FILE = "postcodes.bin.gz";
export const META_FILE = "postcodes.meta.json";
/** A 2024 answer is flagged when another seat's boundary lies this close to the postcode's centroid. */
export const NEAR_BOUNDARY_METRES = 300;

export interface PostcodeIndexMeta {
  /** First 16 hex digits of the SHA-256 of the index file: changes whenever any answer may change. */
  version: string;
  file: string;
  bytes: number;
  sectors: number;
  nearBoundaryMetres: number;
  counts: Record<string, number>;
  pointInPolygon2010VsOnspd: Record<"all" | "sample", { compared: number; agreed: number; percent: number }>;
  sources: Record<string, string>;
}
