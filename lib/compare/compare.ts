/**
 * Two petitions on the same boundary set, seat by seat: both counts and rates (signatures per 1,000 electors), the
 * difference the map shows (lib/compare/difference.ts), the correlations of the plain rates, and the seats leaning
 * furthest each way by that same difference.
 */
import { sampleCorrelation, sampleRankCorrelation } from "simple-statistics";
import type { JoinedPetition, SeatRow } from "@/lib/join/types";
import { buildViewHref, DEFAULT_VIEW, type DifferenceMeasure } from "@/lib/view-state";
import { differenceHalfWidth, differenceOf } from "./difference";

export interface ComparedSeat {
  code: string;
  name: string;
  countA: number;
  countB: number;
  rateA: number;
  rateB: number;
  /** The measure's log2 ratio; null ("no ratio") when either count is 0. */
  difference: number | null;
}

export interface Comparison {
  measure: DifferenceMeasure;
  /** The colour scale runs from −halfWidth to +halfWidth doublings. */
  halfWidth: number;
  seats: ComparedSeat[];
  /** Over the seats both petitions list, zeros included; null with fewer than 3 such seats or no variation. */
  pearson: number | null;
  spearman: number | null;
  /** Seats both petitions list. */
  paired: number;
  /** Seats by difference, highest first, and lowest first. */
  mostA: ComparedSeat[];
  mostB: ComparedSeat[];
}

/** The seats each petition's breakdown lists (a seat it leaves out has no count, not a zero). */
export type ListedCodes = ReadonlySet<string>;

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function comparePetitions(
  a: JoinedPetition,
  b: JoinedPetition,
  listed: { a: ListedCodes; b: ListedCodes },
  { measure = "ratio", limit = 10 }: { measure?: DifferenceMeasure; limit?: number } = {},
): Comparison {
  if (a.set !== b.set) throw new Error(`Cannot compare ${a.set} seats with ${b.set} seats`);
  const bByCode = new Map(b.rows.map((row) => [row.code, row]));
  const ukA = a.national.ukPerThousand;
  const ukB = b.national.ukPerThousand;
  const seats = a.rows.flatMap((rowA): ComparedSeat[] => {
    const rowB: SeatRow | undefined = bByCode.get(rowA.code);
    if (!rowB) return [];
    const difference = differenceOf(
      measure,
      { count: rowA.count, rate: rowA.perThousand, ukRate: ukA },
      { count: rowB.count, rate: rowB.perThousand, ukRate: ukB },
    );
    return [
      {
        code: rowA.code,
        name: rowA.name,
        countA: rowA.count,
        countB: rowB.count,
        rateA: rowA.perThousand,
        rateB: rowB.perThousand,
        difference,
      },
    ];
  });
  const paired = seats.filter((seat) => listed.a.has(seat.code) && listed.b.has(seat.code));
  const xs = paired.map((seat) => seat.rateA);
  const ys = paired.map((seat) => seat.rateB);
  const enough = paired.length >= 3;
  const withRatio = seats.filter((seat) => seat.difference !== null);
  const byRatio = withRatio.toSorted((x, y) => y.difference! - x.difference! || x.code.localeCompare(y.code));
  return {
    measure,
    halfWidth: differenceHalfWidth(withRatio.map((seat) => seat.difference!)),
    seats,
    pearson: enough ? finiteOrNull(sampleCorrelation(xs, ys)) : null,
    spearman: enough ? finiteOrNull(sampleRankCorrelation(xs, ys)) : null,
    paired: paired.length,
    mostA: byRatio.slice(0, limit),
    mostB: byRatio.toReversed().slice(0, limit),
  };
}

/** A comparison's address (or one of its files, e.g. "/seats.csv"), with its measure in the query when not the default. */
export function comparisonHref(idA: number, idB: number, measure: DifferenceMeasure, file = ""): string {
  return buildViewHref(`/compare/${idA}/${idB}${file}`, { ...DEFAULT_VIEW, difference: measure });
}
