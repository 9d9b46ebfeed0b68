/**
 * data/seat-overlap.json: which 2024 seats replaced each 2010 seat and the reverse, from mySociety's population
 * overlaps (PARL10 GSS code × PARL25 mySociety id, turned into GSS codes by the UK Parliament id lookup). Each
 * link carries the share of the seat's population that the other seat holds, largest first; slivers under 1% are
 * left out (boundary wobbles, not people).
 */
import { field, readCsv } from "./csv";
import { sharedData, dataOut } from "./paths";
import { writeJson } from "./output";

export type OverlapLinks = Record<string, [code: string, share: number][]>;
export interface SeatOverlap {
  /** 2010 seat → the 2024 seats holding its people. */
  "2010": OverlapLinks;
  /** 2024 seat → the 2010 seats its people came from. */
  "2024": OverlapLinks;
}

const MIN_SHARE = 0.01;

export function seatOverlap(
  rows: readonly Record<string, string>[],
  ukParlToGss: ReadonlyMap<string, string>,
): SeatOverlap {
  const pairs = rows.map((row) => {
    const to = ukParlToGss.get(field(row, "PARL25"));
    if (!to) throw new Error(`No GSS code for ${field(row, "PARL25")}`);
    return { from: field(row, "PARL10"), to, people: Number(field(row, "overlap_pop")) };
  });
  const links = (key: "from" | "to", other: "from" | "to"): OverlapLinks => {
    const totals = new Map<string, number>();
    for (const pair of pairs) totals.set(pair[key], (totals.get(pair[key]) ?? 0) + pair.people);
    const out: OverlapLinks = {};
    for (const pair of pairs) {
      const total = totals.get(pair[key]) ?? 0;
      const share = total > 0 ? pair.people / total : 0;
      if (share < MIN_SHARE) continue;
      (out[pair[key]] ??= []).push([pair[other], Math.round(share * 1000) / 1000]);
    }
    for (const list of Object.values(out)) list.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  };
  return { "2010": links("from", "to"), "2024": links("to", "from") };
}

export async function buildSeatOverlap(): Promise<void> {
  const lookup = new Map(
    readCsv(sharedData("electorate_population_region/pcon_2024set_ukparl2025_id_lookup.csv")).map((row) => [
      field(row, "UKPARL.2025"),
      field(row, "PCON24CD"),
    ]),
  );
  const rows = readCsv(sharedData("electorate_population_region/pcon_2010_to_2024_overlap_mysociety.csv"));
  writeJson(dataOut("seat-overlap.json"), seatOverlap(rows, lookup));
}
