import { schemePuOr, schemeYlGnBu } from "d3-scale-chromatic";
import { quantileSorted } from "simple-statistics";
import type { NationalFigures, SeatRow } from "@/lib/join/types";

export type Metric = "count" | "share" | "rate" | "momentum";
export const METRICS: readonly Metric[] = ["count", "share", "rate", "momentum"];

/**
 * A classed colour scale. Class i covers values from thresholds[i - 1] (inclusive) up to thresholds[i]; class 0
 * starts above zero, which has a colour of its own so "none" never reads as "few".
 */
export interface ColourScale {
  metric: Metric;
  kind: "sequential" | "diverging";
  /** Lower bound of each class after the first (length = colours.length − 1). */
  thresholds: number[];
  colours: string[];
  zeroColour: string;
  min: number;
  max: number;
  /** Diverging scales: the UK rate that splits seats above from below. */
  centre: number | null;
  /** Seats in each class, and with zero. */
  seatsPerClass: number[];
  zeroSeats: number;
  /** Values above this are outliers drawn in the top class; null when there are none. */
  cappedAbove: number | null;
}

const SEQUENTIAL_CLASSES = 7;
const DIVERGING_CLASSES_PER_SIDE = 3;
export const ZERO_COLOUR = "#d4d4d8";

export function metricValue(row: SeatRow, metric: Metric): number {
  if (metric === "count") return row.count;
  if (metric === "share") return row.share;
  // Momentum: signatures in the last 24 hours per 1,000 electors (0 without history).
  if (metric === "momentum") return row.momentum?.dayPerThousand ?? 0;
  return row.perThousand;
}

export function buildScale(metric: Metric, rows: readonly SeatRow[], national: NationalFigures): ColourScale {
  const values = rows.map((row) => metricValue(row, metric));
  const positive = values.filter((value) => value > 0).sort((a, b) => a - b);
  const thresholds =
    metric === "rate"
      ? divergingThresholds(positive, national.ukPerThousand)
      : quantileThresholds(positive, SEQUENTIAL_CLASSES);
  const colours =
    metric === "rate"
      ? divergingColours(thresholds, national.ukPerThousand)
      : sequentialColours(thresholds.length + 1);
  const partial = { thresholds, colours };
  const seatsPerClass = colours.map(() => 0);
  for (const value of positive) seatsPerClass[classOf(partial, value)]! += 1;
  return {
    metric,
    kind: metric === "rate" ? "diverging" : "sequential",
    thresholds,
    colours,
    zeroColour: ZERO_COLOUR,
    min: positive[0] ?? 0,
    max: positive.at(-1) ?? 0,
    centre: metric === "rate" ? national.ukPerThousand : null,
    seatsPerClass,
    zeroSeats: values.length - positive.length,
    cappedAbove: outlierFence(positive),
  };
}

/** Index of the class a positive value falls in (−1 for zero). */
export function classOf(scale: Pick<ColourScale, "thresholds">, value: number): number {
  if (!(value > 0)) return -1;
  let index = 0;
  while (index < scale.thresholds.length && value >= scale.thresholds[index]!) index += 1;
  return index;
}

export function colourOf(scale: Pick<ColourScale, "thresholds" | "colours" | "zeroColour">, value: number) {
  const index = classOf(scale, value);
  return index < 0 ? scale.zeroColour : (scale.colours[index] ?? scale.zeroColour);
}

/** Quantile breaks over the non-zero values; equal breaks merge so every class has seats. */
function quantileThresholds(sortedPositive: readonly number[], classes: number): number[] {
  if (sortedPositive.length === 0) return [];
  const breaks: number[] = [];
  for (let index = 1; index < classes; index += 1) {
    const value = quantileSorted([...sortedPositive], index / classes);
    if (value > (breaks.at(-1) ?? sortedPositive[0]!)) breaks.push(value);
  }
  return breaks;
}

/** Classes either side of the UK rate, each side split by its own quantiles. */
function divergingThresholds(sortedPositive: readonly number[], centre: number): number[] {
  const below = sortedPositive.filter((value) => value < centre);
  const above = sortedPositive.filter((value) => value >= centre);
  const lower = quantileThresholds(below, DIVERGING_CLASSES_PER_SIDE).filter((value) => value < centre);
  const upper = quantileThresholds(above, DIVERGING_CLASSES_PER_SIDE).filter((value) => value > centre);
  return [...lower, ...(below.length > 0 && above.length > 0 ? [centre] : []), ...upper];
}

function sequentialColours(classes: number): string[] {
  const scheme = schemeYlGnBu[Math.max(3, Math.min(9, classes + 1))] ?? [];
  // The palest tint is dropped so the lowest class stays distinct from the grey of zero.
  return scheme.slice(1, classes + 1);
}

function divergingColours(thresholds: readonly number[], centre: number): string[] {
  const belowClasses = thresholds.filter((value) => value <= centre).length;
  const aboveClasses = thresholds.length + 1 - belowClasses;
  const side = Math.max(belowClasses, aboveClasses);
  // d3 orders PuOr purple → orange: below the UK rate is purple, above is orange.
  const scheme = schemePuOr[Math.max(3, Math.min(11, side * 2))] ?? [];
  const middle = scheme.length / 2;
  return [...scheme.slice(middle - belowClasses, middle), ...scheme.slice(middle, middle + aboveClasses)];
}

/** Tukey's far-out fence: values beyond Q3 + 3·IQR are outliers. */
function outlierFence(sortedPositive: readonly number[]): number | null {
  if (sortedPositive.length < 4) return null;
  const q1 = quantileSorted([...sortedPositive], 0.25);
  const q3 = quantileSorted([...sortedPositive], 0.75);
  const fence = q3 + 3 * (q3 - q1);
  return (sortedPositive.at(-1) ?? 0) > fence ? fence : null;
}
