/**
 * The difference map's measure, colour scale and words. By default a seat's value is log2(rate A ÷ rate B), the
 * rates being signatures per 1,000 electors: 0 where they are equal, +2 where A's rate is 4 times B's. The other
 * measure first divides each rate by its own petition's UK rate, so the size of the two petitions drops out.
 */
import { interpolatePuOr } from "d3-scale-chromatic";
import { quantile } from "simple-statistics";
import { formatCount } from "@/lib/format";
import { ZERO_COLOUR } from "@/lib/scale/scale";
import type { DifferenceMeasure } from "@/lib/view-state";

/** Share of the seats with a ratio whose colours stay inside the scale's range (the rest take its end colours). */
export const DOMAIN_COVERAGE = 0.95;

export const DIFFERENCE_TEXT: Record<
  DifferenceMeasure,
  { title: string; control: string; explanation: string; csvColumn: string }
> = {
  ratio: {
    title: "log2(rate A / rate B)",
    control: "Rate A ÷ rate B",
    explanation:
      "Each seat's signatures per 1,000 electors for A divided by the same for B, on a log2 scale: white where the rates are equal, orange where A's is higher, purple where B's is.",
    csvColumn: "log2_rate_ratio",
  },
  relative: {
    title: "log2((rate A / UK rate A) / (rate B / UK rate B))",
    control: "Each relative to its UK rate",
    explanation:
      "Each seat's rate is first divided by its own petition's UK rate, so a petition many times the size of the other does not tint every seat: white where the seat leans the same way for both, orange where it leans further towards A, purple towards B.",
    csvColumn: "log2_relative_ratio",
  },
};

/** A seat's value under a measure; null ("no ratio") when either count is 0. */
export function differenceOf(
  measure: DifferenceMeasure,
  a: { count: number; rate: number; ukRate: number },
  b: { count: number; rate: number; ukRate: number },
): number | null {
  if (a.count <= 0 || b.count <= 0) return null;
  const ratio = a.rate / b.rate;
  const value = Math.log2(measure === "ratio" ? ratio : ratio / (a.ukRate / b.ukRate));
  return Number.isFinite(value) ? value : null;
}

/**
 * The colour scale's half-width in doublings, symmetric around 0: the smallest even whole number (at least 2) that
 * holds |value| for DOMAIN_COVERAGE of the seats. When one petition is far larger every seat lies on one side, and
 * the range widens to hold them rather than painting them all the end colour.
 */
export function differenceHalfWidth(values: readonly number[]): number {
  if (values.length === 0) return 2;
  const reach = quantile(
    values.map((value) => Math.abs(value)),
    DOMAIN_COVERAGE,
  );
  return Math.max(2, 2 * Math.ceil(reach / 2));
}

/** A seat's colour: PuOr from purple (−halfWidth, B) through white (0) to orange (+halfWidth, A); grey for no ratio. */
export function differenceColour(value: number | null, halfWidth: number): string {
  if (value === null) return ZERO_COLOUR;
  const clamped = Math.min(1, Math.max(-1, value / halfWidth));
  return interpolatePuOr(0.5 + clamped / 2);
}

/** A value in words, as the legend and the seat lists say it: "4× more A", "equal", "1.6× more B". */
export function differenceWords(value: number): string {
  const times = 2 ** Math.abs(value);
  // One decimal under 10 (the legend's whole powers of 2 without one), whole numbers above.
  const shown = times < 10 && !Number.isInteger(times) ? times.toFixed(1) : formatCount(Math.round(times));
  if (shown === "1" || shown === "1.0") return "equal";
  return `${shown}× more ${value > 0 ? "A" : "B"}`;
}

/** The legend's labelled stops: both ends, their halves and 0. */
export function differenceStops(halfWidth: number): { value: number; label: string }[] {
  return [-halfWidth, -halfWidth / 2, 0, halfWidth / 2, halfWidth].map((value) => ({
    value,
    label: differenceWords(value),
  }));
}
