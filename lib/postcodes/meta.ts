/** Where the postcode index lives and what its small JSON companion says about it. */

/** Relative to the repository root (the working directory of `next start`, scripts and tests). */
export const INDEX_DIR = "data/postcodes";
export const INDEX_FILE = "postcodes.bin.gz";
export const META_FILE = "postcodes.meta.json";
/**
 * An estimated answer (point-in-polygon) is flagged, and the other seats offered, when another seat's boundary lies
 * this close to the postcode's centroid: the 90th percentile (437 m) of the distance from the postcodes that
 * point-in-polygon places wrongly on the 2010 set to their ONSPD seat, rounded up.
 */
export const NEAR_BOUNDARY_METRES = 500;

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

/** How well the near-boundary flag separates sure answers from unsure ones, on the 2010 set's fixed sample. */
export interface NearBoundaryCheck {
  compared: number;
  /** Postcodes with another seat's boundary within the near-boundary distance. */
  flagged: number;
  /** Postcodes point-in-polygon placed in another seat than ONSPD… */
  wrong: number;
  /** …of which the ONSPD seat was one of the seats offered. */
  wrongOffered: number;
  /** Agreement with ONSPD among the postcodes not flagged. */
  agreementAwayPercent: number;
}

/** Point-in-polygon on the 2010 boundaries against the ONSPD answer, where both exist. */
export interface PointInPolygonCheck {
  /** Over every postcode with both answers, and over the fixed sample the accuracy test uses. */
  all: Agreement;
  sample: Agreement;
  /** Metres from each wrongly placed postcode to its ONSPD seat's boundary: the near-boundary distance's basis. */
  disagreementMetres: { p50: number; p75: number; p90: number; p95: number; p99: number };
  nearBoundary: NearBoundaryCheck;
}

export interface PostcodeIndexMeta {
  /** First 16 hex digits of the SHA-256 of the index file: changes whenever any answer may change. */
  version: string;
  file: string;
  bytes: number;
  sectors: number;
  nearBoundaryMetres: number;
  counts: PostcodeIndexCounts;
  pointInPolygon2010VsOnspd: PointInPolygonCheck;
  sources: Record<string, string>;
}
