import { formatCount, formatRate, formatShare } from "@/lib/format";
import type { ColourScale, Metric } from "@/lib/scale/scale";

export interface LegendEntry {
  colour: string;
  /** The class's lower bound, for labels under a row of swatches, e.g. "120". */
  from: string;
  /** The whole class, e.g. "120 to under 180", "503 or more", "None". */
  range: string;
  /** How many seats the class holds. */
  seats: number;
}

export function formatMetricValue(metric: Metric, value: number): string {
  if (metric === "count") return formatCount(Math.round(value));
  if (metric === "share") return formatShare(value);
  return formatRate(value);
}

/** The scale's classes, lowest first, then "None" when some seats have zero. */
export function legendEntries(scale: ColourScale): LegendEntry[] {
  // With no seat above zero (e.g. a rejected petition) the classes would be empty ranges: show only "None".
  const classes =
    scale.max <= 0
      ? []
      : scale.colours.map((colour, index) => {
          const from = formatMetricValue(
            scale.metric,
            index === 0 ? scale.min : (scale.thresholds[index - 1] ?? scale.min),
          );
          const upper = scale.thresholds[index];
          const range =
            upper === undefined
              ? `${from} or more`
              : `${from} to under ${formatMetricValue(scale.metric, upper)}`;
          return { colour, from, range, seats: scale.seatsPerClass[index] ?? 0 };
        });
  return scale.zeroSeats > 0
    ? [...classes, { colour: scale.zeroColour, from: "None", range: "None", seats: scale.zeroSeats }]
    : classes;
}
