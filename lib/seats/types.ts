/** Per-seat metadata built by `npm run data` into data/seats-<set>.json. */

export type BoundarySet = "2010" | "2024";
export const BOUNDARY_SETS: readonly BoundarySet[] = ["2010", "2024"];

export type Nation = "England" | "Scotland" | "Wales" | "Northern Ireland";

export type MpRole = "elected-2019" | "at-dissolution-2024" | "elected-2024" | "current";

export interface MpRecord {
  name: string;
  role: MpRole;
  /** ISO date the record describes, e.g. "2019-12-12" or "2026-04-03". */
  asOf: string;
  party: string;
  partyName: string;
  /** Party colour as #rrggbb. */
  colour: string;
  /** UK Parliament members-site id, when known. */
  memberId: number | null;
  /** TheyWorkForYou person id, when known. */
  twfyId: number | null;
}

export interface SeatMeta {
  code: string;
  /** ONS spelling, e.g. "Ynys Môn". */
  name: string;
  nation: Nation;
  /** English region name or the nation's name, e.g. "North West", "Scotland". */
  region: string;
  /** GSS code of the region or nation, e.g. E12000002, S92000003. */
  regionCode: string;
  electorate: number;
  /** What the electorate figure is, e.g. "Electoral registrations December 2022". */
  electorateSource: string;
  /** The MPs of that parliament for this seat, oldest first. */
  mps: MpRecord[];
}

/** A party as data/parties.json lists it, keyed by our short code (e.g. "Lab", "SNP"). */
export interface PartyInfo {
  name: string;
  /** #rrggbb */
  colour: string;
}

/** One boundary set's entry in data/geo-manifest.json: hashed public URLs and facts about them. */
export interface GeoManifestEntry {
  /** URL of the TopoJSON (one object "seats", geometry id = properties.code = ONS code, lon/lat). */
  topology: string;
  /** URL of the same seats simplified for the whole-UK view (MapLibre's first source, before `topology`). */
  overview: string;
  /** URL of the SVG of seat paths: `<path id="CODE">` in Web Mercator units, no fill or stroke. */
  seatPaths: string;
  /** URL of the hex layout `{layout: "odd-r", hexes: {CODE: [q, r]}}`. */
  hex: string;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** The seat paths file's viewBox [x, y, width, height]. */
  viewBox: [number, number, number, number];
  /** World width in Mercator units (see lib/seats/mercator.ts). */
  mercatorScale: number;
  gzipBytes: { topology: number; overview: number; seatPaths: number; hex: number };
}

/** A hex cartogram layout (public/geo/hex-<set>.<hash>.json): offset coordinates [q, r] per ONS code. */
export interface HexLayout {
  layout: "odd-r";
  hexes: Record<string, [number, number]>;
}
