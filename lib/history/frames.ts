/**
 * The atlas at a past snapshot, for the time slider: every seat's count from the snapshot, with share, rate, rank
 * and momentum worked out as the server works them out today. Colours keep today's class breaks, so the map is
 * seen filling up rather than re-classed at every step. Browser-safe (no Node modules).
 */
import { nationalFigures } from "@/lib/join/join";
import { competitionRanks } from "@/lib/join/rank";
import { perThousandElectors, sharePercent } from "@/lib/join/rates";
import type { NationalFigures, SeatRow } from "@/lib/join/types";
import { classOf, metricValue, type ColourScale, type Metric } from "@/lib/scale/scale";
import { DAY_MS, HOUR_MS } from "./retention";

/** One snapshot as the history API sends it with seats=all. */
export interface SeatFrame {
  at: string;
  total: number;
  uk: number | null;
  /** Aligned with the response's codes. */
  seats: number[];
}

export interface FrameFigures {
  rows: SeatRow[];
  national: NationalFigures;
  scales: Record<Metric, ColourScale>;
}

/** The latest frame at or before `at`, else null. */
function frameBefore(frames: readonly SeatFrame[], index: number, spanMs: number): SeatFrame | null {
  const cutoff = Date.parse(frames[index]!.at) - spanMs;
  let found: SeatFrame | null = null;
  for (let earlier = 0; earlier < index; earlier += 1) {
    if (Date.parse(frames[earlier]!.at) <= cutoff) found = frames[earlier]!;
  }
  // A history younger than the window starts at its first frame, as momentum does on the server.
  return found ?? (index > 0 ? frames[0]! : null);
}

/** Today's scale with its breaks kept and its seat counts redone for `rows`. */
export function rescale(today: ColourScale, rows: readonly SeatRow[]): ColourScale {
  const positive = rows
    .map((row) => metricValue(row, today.metric))
    .filter((value) => value > 0)
    .sort((a, b) => a - b);
  const seatsPerClass = today.colours.map(() => 0);
  for (const value of positive) seatsPerClass[classOf(today, value)]! += 1;
  const max = positive.at(-1) ?? 0;
  return {
    ...today,
    seatsPerClass,
    zeroSeats: rows.length - positive.length,
    min: positive[0] ?? 0,
    max,
    cappedAbove: today.cappedAbove !== null && max > today.cappedAbove ? today.cappedAbove : null,
  };
}

/** The atlas figures at frames[index], built on today's rows (names, electorates, MPs stay as they are). */
export function figuresAt(
  today: { rows: readonly SeatRow[]; national: NationalFigures; scales: Record<Metric, ColourScale> },
  codes: readonly string[],
  frames: readonly SeatFrame[],
  index: number,
): FrameFigures {
  const frame = frames[index];
  if (!frame) throw new RangeError(`No frame ${index}`);
  const position = new Map(codes.map((code, offset) => [code, offset]));
  const countIn = (source: SeatFrame | null, code: string) => {
    const offset = position.get(code);
    return source && offset !== undefined ? (source.seats[offset] ?? 0) : 0;
  };
  const counts = today.rows.map((row) => countIn(frame, row.code));
  const inSeats = counts.reduce((sum, count) => sum + count, 0);
  const uk = frame.uk ?? inSeats;
  const ranks = competitionRanks(counts);
  const hourBase = frameBefore(frames, index, HOUR_MS);
  const dayBase = frameBefore(frames, index, DAY_MS);
  const rows = today.rows.map((row, offset): SeatRow => {
    const count = counts[offset] ?? 0;
    const perThousand = (value: number) => perThousandElectors(value, row.electorate);
    const hour = count - countIn(hourBase, row.code);
    const day = count - countIn(dayBase, row.code);
    return {
      ...row,
      count,
      share: sharePercent(count, uk),
      perThousand: perThousand(count),
      rank: ranks[offset] ?? today.rows.length,
      momentum:
        dayBase && hourBase
          ? { hour, day, hourPerThousand: perThousand(hour), dayPerThousand: perThousand(day) }
          : undefined,
    };
  });
  const { electorate } = today.national;
  const national = nationalFigures({ total: frame.total, uk, inSeats, electorate });
  const scales = Object.fromEntries(
    (Object.keys(today.scales) as Metric[]).map((metric) => [metric, rescale(today.scales[metric], rows)]),
  ) as Record<Metric, ColourScale>;
  return { rows, national, scales };
}
