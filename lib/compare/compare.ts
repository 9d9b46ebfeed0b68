/**
 * Two petitions on the same boundary set, seat by seat. Each seat's rate (signatures per 1,000 electors) is taken
 * relative to its own petition's UK rate, so a petition ten times the size of the other does not tint every seat:
 * the difference map shows log2 of (A's relative rate ÷ B's relative rate), 0 where the seat leans the same way
 * for both, +1 where it leans twice as far towards A. Correlations are of the plain rates.
 */
import { schemePuOr } from "d3-scale-chromatic";
import { sampleCorrelation, sampleRankCorrelation } from "simple-statistics";
import type { JoinedPetition, SeatRow } from "@/lib/join/types";
import { colourOf, ZERO_COLOUR } from "@/lib/scale/scale";

export interface ComparedSeat {
  code: string;
  name: string;
  countA: number;
  countB: number;
  rateA: number;
  rateB: number;
  /** log2 of the ratio of relative rates; null ("no ratio") when either count is 0. */
  logRatio: number | null;
}

export interface Comparison {
  seats: ComparedSeat[];
  /** Over the seats both petitions list, zeros included; null with fewer than 3 such seats or no variation. */
  pearson: number | null;
  spearman: number | null;
  /** Seats both petitions list. */
  paired: number;
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
  limit = 10,
): Comparison {
  if (a.set !== b.set) throw new Error(`Cannot compare ${a.set} seats with ${b.set} seats`);
  const bByCode = new Map(b.rows.map((row) => [row.code, row]));
  const ukA = a.national.ukPerThousand;
  const ukB = b.national.ukPerThousand;
  const seats = a.rows.flatMap((rowA): ComparedSeat[] => {
    const rowB: SeatRow | undefined = bByCode.get(rowA.code);
    if (!rowB) return [];
    const logRatio =
      rowA.count > 0 && rowB.count > 0 && ukA > 0 && ukB > 0
        ? Math.log2(rowA.perThousand / ukA / (rowB.perThousand / ukB))
        : null;
    return [
      {
        code: rowA.code,
        name: rowA.name,
        countA: rowA.count,
        countB: rowB.count,
        rateA: rowA.perThousand,
        rateB: rowB.perThousand,
        logRatio,
      },
    ];
  });
  const paired = seats.filter((seat) => listed.a.has(seat.code) && listed.b.has(seat.code));
  const xs = paired.map((seat) => seat.rateA);
  const ys = paired.map((seat) => seat.rateB);
  const enough = paired.length >= 3;
  const withRatio = seats.filter((seat) => seat.logRatio !== null);
  const byRatio = withRatio.toSorted((x, y) => y.logRatio! - x.logRatio! || x.code.localeCompare(y.code));
  return {
    seats,
    pearson: enough ? finiteOrNull(sampleCorrelation(xs, ys)) : null,
    spearman: enough ? finiteOrNull(sampleRankCorrelation(xs, ys)) : null,
    paired: paired.length,
    mostA: byRatio.slice(0, limit),
    mostB: byRatio.toReversed().slice(0, limit),
  };
}

/** Classes of the ratio A ÷ B (relative rates): halves and doubles either side of "the same". */
export const RATIO_SCALE = {
  thresholds: [0.5, 0.71, 0.91, 1.1, 1.41, 2],
  // d3's PuOr runs purple → orange: purple leans to B, orange to A.
  colours: [...(schemePuOr[7] ?? [])],
  zeroColour: ZERO_COLOUR,
};

/** A seat's colour on the difference map (grey for "no ratio"). */
export function ratioColour(logRatio: number | null): string {
  return logRatio === null ? RATIO_SCALE.zeroColour : colourOf(RATIO_SCALE, 2 ** logRatio);
}
