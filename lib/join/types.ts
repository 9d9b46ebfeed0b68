import type { BoundarySet, Nation } from "@/lib/seats/types";

export interface SeatMp {
  /** The MP as the petition names them, e.g. "Rebecca Long Bailey MP". */
  name: string;
  party: string | null;
  partyName: string | null;
  colour: string | null;
  /** Why the party may be uncertain, e.g. a change of party during the parliament. */
  note: string | null;
  memberId: number | null;
  twfyId: number | null;
}

/** One seat's joined figures: everything the map, panel, table and CSV show. */
export interface SeatRow {
  code: string;
  name: string;
  nation: Nation;
  region: string;
  regionCode: string;
  mp: SeatMp | null;
  count: number;
  /** Percentage of the petition's UK signatures. */
  share: number;
  /** Signatures per 1,000 electors. */
  perThousand: number;
  electorate: number;
  /** 1 = most signatures; ties share a rank. */
  rank: number;
  /** Signatures gained lately, from the signature history; absent when there is none (lib/history/momentum.ts). */
  momentum?: SeatMomentum;
}

/** A seat's gains over the last hour and 24 hours (or since the first snapshot, when history is younger). */
export interface SeatMomentum {
  hour: number;
  day: number;
  hourPerThousand: number;
  dayPerThousand: number;
}

export interface NationalFigures {
  total: number;
  uk: number;
  overseas: number;
  /** UK signatures the site could not place in a constituency (UK − sum of seats). */
  unknownConstituency: number;
  /** Sum of the seats' counts. */
  inSeats: number;
  electorate: number;
  /** Signatures with a known seat per 1,000 UK electors: the baseline a seat's rate compares with. */
  ukPerThousand: number;
}

export interface JoinedPetition {
  set: BoundarySet;
  rows: SeatRow[];
  national: NationalFigures;
}
