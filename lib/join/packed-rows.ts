/**
 * Seat rows packed for the trip from the server to the browser. As objects, 650 rows repeat every key 650 times
 * and carry floats with 17 digits; packed, each field is one column, strings many seats share (nation, region,
 * party, note) are sent once in a lookup table, and the floats and ranks are left out and recomputed on arrival by
 * the same functions the join uses. Pure, so both the server and client bundles can import it.
 */
import type { Nation } from "@/lib/seats/types";
import { competitionRanks } from "./rank";
import { perThousandElectors, sharePercent } from "./rates";
import type { SeatMomentum, SeatMp, SeatRow } from "./types";

/** The distinct values of a column, and for each row the position of its value among them. */
export interface LookupColumn<T> {
  values: T[];
  indices: number[];
}

type Region = [name: string, code: string];
type Party = [party: string | null, partyName: string | null, colour: string | null];

export interface PackedMps {
  /** null where the seat has no MP (row.mp is null); that row's other MP columns hold nulls. */
  names: (string | null)[];
  parties: LookupColumn<Party>;
  notes: LookupColumn<string | null>;
  memberIds: (number | null)[];
  twfyIds: (number | null)[];
}

/** Signatures gained per seat; null for a row without momentum. */
export interface PackedMomentum {
  hour: (number | null)[];
  day: (number | null)[];
}

/** A run of ONS codes numbered in sequence: ["E14000530", 533] is E14000530 to E14001062. */
export type CodeRun = [first: string, count: number];

/** SeatRow[] as columns: entry i of every column belongs to row i. */
export interface PackedRows {
  /** The petition's UK signatures: each seat's share is a percentage of it. */
  ukSignatures: number;
  /** The rows' codes as runs (a boundary set's codes are numbered in sequence, and the rows are in code order). */
  codes: CodeRun[];
  names: string[];
  nations: LookupColumn<Nation>;
  regions: LookupColumn<Region>;
  mps: PackedMps;
  counts: number[];
  electorates: number[];
  /** Left out when no row has momentum (a petition without signature history). */
  momentum?: PackedMomentum;
}

/** `ukSignatures` must be the total the rows' shares were computed from (JoinedPetition.national.uk). */
export function packRows(rows: readonly SeatRow[], ukSignatures: number): PackedRows {
  const packed: PackedRows = {
    ukSignatures,
    codes: codeRuns(rows.map((row) => row.code)),
    names: rows.map((row) => row.name),
    nations: lookupColumn(rows.map((row) => row.nation)),
    regions: lookupColumn(rows.map((row): Region => [row.region, row.regionCode])),
    mps: packMps(rows.map((row) => row.mp)),
    counts: rows.map((row) => row.count),
    electorates: rows.map((row) => row.electorate),
  };
  if (rows.some((row) => row.momentum)) {
    packed.momentum = {
      hour: rows.map((row) => row.momentum?.hour ?? null),
      day: rows.map((row) => row.momentum?.day ?? null),
    };
  }
  return packed;
}

/** The rows packRows was given (every seat of a join), equal field for field (floats and ranks included). */
export function unpackRows(packed: PackedRows): SeatRow[] {
  const { nations, regions, mps, momentum } = packed;
  const ranks = competitionRanks(packed.counts);
  return expandCodeRuns(packed.codes).map((code, index): SeatRow => {
    const count = cell(packed.counts, index);
    const electorate = cell(packed.electorates, index);
    const [region, regionCode] = lookup(regions, index);
    const row: SeatRow = {
      code,
      name: cell(packed.names, index),
      nation: lookup(nations, index),
      region,
      regionCode,
      mp: unpackMp(mps, index),
      count,
      share: sharePercent(count, packed.ukSignatures),
      perThousand: perThousandElectors(count, electorate),
      electorate,
      rank: cell(ranks, index),
    };
    const seatMomentum = momentum && unpackMomentum(momentum, index, electorate);
    if (seatMomentum) row.momentum = seatMomentum;
    return row;
  });
}

const NUMBERED_CODE = /^(\D*)(\d+)$/;

/** The code after `code` in its sequence (E14000530 → E14000531), or null for a code not numbered so. */
function nextCode(code: string): string | null {
  const [, prefix, digits] = NUMBERED_CODE.exec(code) ?? [];
  if (prefix === undefined || digits === undefined) return null;
  const next = String(Number(digits) + 1).padStart(digits.length, "0");
  return next.length === digits.length ? prefix + next : null;
}

export function codeRuns(codes: readonly string[]): CodeRun[] {
  const runs: CodeRun[] = [];
  let expected: string | null = null;
  for (const code of codes) {
    const run = runs[runs.length - 1];
    if (run && code === expected) run[1] += 1;
    else runs.push([code, 1]);
    expected = nextCode(code);
  }
  return runs;
}

export function expandCodeRuns(runs: readonly CodeRun[]): string[] {
  const codes: string[] = [];
  for (const [first, count] of runs) {
    let code: string | null = first;
    for (let step = 0; step < count; step++) {
      if (code === null) throw new RangeError(`The code run from ${first} cannot hold ${count} codes`);
      codes.push(code);
      code = nextCode(code);
    }
  }
  return codes;
}

function packMps(mps: readonly (SeatMp | null)[]): PackedMps {
  return {
    names: mps.map((mp) => mp?.name ?? null),
    parties: lookupColumn(
      mps.map((mp): Party => [mp?.party ?? null, mp?.partyName ?? null, mp?.colour ?? null]),
    ),
    notes: lookupColumn(mps.map((mp) => mp?.note ?? null)),
    memberIds: mps.map((mp) => mp?.memberId ?? null),
    twfyIds: mps.map((mp) => mp?.twfyId ?? null),
  };
}

function unpackMp(mps: PackedMps, index: number): SeatMp | null {
  const name = cell(mps.names, index);
  if (name === null) return null;
  const [party, partyName, colour] = lookup(mps.parties, index);
  return {
    name,
    party,
    partyName,
    colour,
    note: lookup(mps.notes, index),
    memberId: cell(mps.memberIds, index),
    twfyId: cell(mps.twfyIds, index),
  };
}

/** The per-thousand rates are derived as lib/history/momentum.ts derives them, so only the gains travel. */
function unpackMomentum(momentum: PackedMomentum, index: number, electorate: number): SeatMomentum | null {
  const hour = cell(momentum.hour, index);
  const day = cell(momentum.day, index);
  if (hour === null || day === null) return null;
  return {
    hour,
    day,
    hourPerThousand: perThousandElectors(hour, electorate),
    dayPerThousand: perThousandElectors(day, electorate),
  };
}

/** Tuples are compared by their JSON, so ["a", null] and ["a", null] share one entry. */
function lookupColumn<T>(column: readonly T[]): LookupColumn<T> {
  const positions = new Map<string, number>();
  const values: T[] = [];
  const indices = column.map((value) => {
    const key = JSON.stringify(value);
    let position = positions.get(key);
    if (position === undefined) {
      position = values.push(value) - 1;
      positions.set(key, position);
    }
    return position;
  });
  return { values, indices };
}

function lookup<T>(column: LookupColumn<T>, index: number): T {
  return cell(column.values, cell(column.indices, index));
}

/** A short column means the packed rows were cut or built wrongly: fail loudly rather than show undefined. */
function cell<T>(column: readonly T[], index: number): T {
  if (index < 0 || index >= column.length) throw new RangeError(`Packed rows have no entry ${index}`);
  return column[index] as T;
}
