/** Where the postcode index lives and what its small JSON companion says about it. */

/** Relative to the repository root (the working directory of `next start`, scripts and tests). */
export const INDEX_DIR = "data/postcodes";
export const INDEX_FILE = "postcodes.bin.gz";
export const META_FILE = "postcodes.meta.json";
/** A 2024 answer is flagged when another seat's boundary lies this close to the postcode's centroid. */
export const NEAR_BOUNDARY_METRES = 300;

export interface PostcodeIndexCounts {
  nsplPostcodes: number;
  indexed: number;
  /** GY/JE/IM: answered from the postcode area, never indexed. */
  crownDependencySkipped: number;
  /** No ONSPD regex match and no grid reference: nothing to say about them. */
  unmatchedUnlocatedSkipped: number;
  seat2010FromOnspd: number;
  seat2010FromPointInPolygon: number;
  unlocatedIndexed: number;
  /** Located postcodes outside every 2024 polygon, given the nearest seat. */
  outsideAll2024: number;
  nearBoundary2024: number;
}

/** Agreement of point-in-polygon on the 2010 boundaries with the ONSPD answer, where both exist. */
export interface Agreement {
  compared: number;
  agreed: number;
  percent: number;
}

export interface PostcodeIndexMeta {
  /** First 16 hex digits of the SHA-256 of the index file: changes whenever any answer may change. */
  version: string;
  file: string;
  bytes: number;
  sectors: number;
  nearBoundaryMetres: number;
  counts: PostcodeIndexCounts;
  /** Over every postcode with both answers, and over the fixed sample the accuracy test uses. */
  pointInPolygon2010VsOnspd: { all: Agreement; sample: Agreement };
  sources: Record<string, string>;
}
