/**
 * Momentum: how many signatures each seat gained in the last hour and the last 24 hours, absolute and per 1,000
 * electors, measured from the latest snapshot at or before the window's start. When the history is younger than a
 * window, the window starts at the first snapshot instead, and says so (`since`).
 */
import { perThousandElectors } from "@/lib/join/rates";
import type { SeatMomentum, SeatRow } from "@/lib/join/types";
import type { Petition } from "@/lib/petitions/types";
import { HOUR_MS, DAY_MS } from "./retention";
import type { Snapshot } from "./types";

export interface MomentumWindow {
  /** When the baseline snapshot was taken (epoch ms): the window's real start. */
  since: number;
  /** Seat code → signatures gained since then. */
  gains: Map<string, number>;
}

export interface Momentum {
  /** When the current numbers were fetched (epoch ms). */
  asOf: number;
  hour: MomentumWindow;
  day: MomentumWindow;
}

export const MOMENTUM_WINDOWS = { hour: HOUR_MS, day: DAY_MS } as const;

/**
 * A baseline must come from an earlier fetch than the numbers it is compared with. A fetch's own snapshot is
 * stamped a few milliseconds before its copy is cached (asOf); an earlier fetch is at least a freshness window back.
 */
const MIN_WINDOW_MS = 100;

/** Gains of every seat in `current` since `baseline`, or null when the baseline is not earlier. */
export function gainsSince(
  current: Petition,
  asOf: number,
  baseline: Snapshot | null,
  seatCodes: readonly string[],
): MomentumWindow | null {
  if (!baseline || asOf - baseline.at < MIN_WINDOW_MS) return null;
  const before = new Map(seatCodes.map((code, index) => [code, baseline.seats[index] ?? 0]));
  const gains = new Map(
    current.byConstituency.map((seat) => [seat.code, seat.count - (before.get(seat.code) ?? 0)]),
  );
  return { since: baseline.at, gains };
}

/** Rows with their momentum attached (rows unchanged when there is none). */
export function withMomentum(rows: SeatRow[], momentum: Momentum | null): SeatRow[] {
  if (!momentum) return rows;
  return rows.map((row) => {
    const hour = momentum.hour.gains.get(row.code) ?? 0;
    const day = momentum.day.gains.get(row.code) ?? 0;
    const perThousand = (gain: number) => perThousandElectors(gain, row.electorate);
    const seat: SeatMomentum = {
      hour,
      day,
      hourPerThousand: perThousand(hour),
      dayPerThousand: perThousand(day),
    };
    return { ...row, momentum: seat };
  });
}

/**
 * The names of the momentum windows. A window whose history is younger than it starts at the first snapshot
 * (`firstSnapshotAt`, epoch ms) and is named by that moment (formatted by `moment`); a minute's slack, as polls are
 * about a minute apart, so "the last hour" may start 61 minutes back.
 */
export function momentumWindowLabels(
  firstSnapshotAt: number | null,
  asOf: number,
  moment: (at: number) => string,
): { hour: string; day: string } {
  const label = (window: keyof typeof MOMENTUM_WINDOWS, plain: string) =>
    firstSnapshotAt !== null && firstSnapshotAt > asOf - MOMENTUM_WINDOWS[window] + 60_000
      ? `Since ${moment(firstSnapshotAt)}`
      : plain;
  return { hour: label("hour", "Last hour"), day: label("day", "Last 24 h") };
}
