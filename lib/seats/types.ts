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
