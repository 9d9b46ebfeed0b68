/** Pure geometry and words for the timeline chart (SVG): scales, tick choices, the line's path, a text summary. */
import { formatCount } from "@/lib/format";

export type Scale = (value: number) => number;

export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}

/**
 * About `count` round ticks (steps of 1, 2 or 5 × 10ⁿ) covering [min, max]; the first and last bound the axis. A line
 * of totals starts near its lowest value rather than at 0, or a day's growth would be a flat line.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const low = Math.max(0, min);
  if (!(max > low)) return max > 0 ? niceTicks(0, max, count) : [0, 1];
  const rough = (max - low) / count;
  // Signatures are whole: no step under 1.
  const power = Math.max(1, 10 ** Math.floor(Math.log10(rough)));
  const step =
    [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? power * 10;
  const ticks: number[] = [];
  for (let value = Math.floor(low / step) * step; value < max + step; value += step) ticks.push(value);
  return ticks;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CLOCK_STEPS = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
];
const MONTH_STEPS = [1, 3, 6, 12];

const monthStart = (index: number) => Date.UTC(Math.floor(index / 12), index % 12, 1);

/** First days of every `months`-th month (UTC) inside [from, to]. */
function monthTicks(from: number, to: number, months: number): number[] {
  const start = new Date(from);
  let index = start.getUTCFullYear() * 12 + start.getUTCMonth();
  if (monthStart(index) < from) index += 1;
  index = Math.ceil(index / months) * months;
  const ticks: number[] = [];
  for (let at = monthStart(index); at <= to; index += months, at = monthStart(index)) ticks.push(at);
  return ticks;
}

/** Ticks at whole steps (UTC; months for long spans) inside [from, to], no more than `count`; short spans get their ends. */
export function timeTicks(from: number, to: number, count = 5): number[] {
  if (to - from < MINUTE) return from === to ? [from] : [from, to];
  const byClock = (step: number) => {
    const ticks: number[] = [];
    for (let at = Math.ceil(from / step) * step; at <= to; at += step) ticks.push(at);
    return ticks;
  };
  // Only steps coarse enough to give at most `count` ticks are laid out (a fine step over months is 100,000s).
  const tickCount = (candidate: number) => Math.floor(to / candidate) - Math.ceil(from / candidate) + 1;
  const step = CLOCK_STEPS.find((candidate) => tickCount(candidate) <= count);
  if (step !== undefined) return byClock(step);
  const months = [...MONTH_STEPS, 12 * Math.ceil((to - from) / (365 * DAY * count))];
  return months.map((step) => monthTicks(from, to, step)).find((ticks) => ticks.length <= count) ?? [];
}

const londonTime = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});
const londonSeconds = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "Europe/London",
});
const londonDay = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "Europe/London",
});
const londonFull = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "Europe/London",
});

/** "3 Mar, 14:05" (UK time): short enough for a button. */
export function formatShortMoment(at: number): string {
  return `${londonDay.format(at)}, ${londonTime.format(at)}`;
}

/** A tick label: clock time (with seconds under ten minutes) for spans under two days, else the date. */
export function formatTick(at: number, span: number): string {
  if (span < 10 * MINUTE) return londonSeconds.format(at);
  return span < 2 * DAY ? londonTime.format(at) : londonDay.format(at);
}

/** A moment in words, UK time, to the second (snapshots can be seconds apart). */
export function formatMoment(at: number): string {
  return londonFull.format(at);
}

export function linePath(points: readonly { at: number; value: number }[], x: Scale, y: Scale): string {
  return points
    .map((point, index) => `${index === 0 ? "M" : "L"}${x(point.at).toFixed(1)},${y(point.value).toFixed(1)}`)
    .join("");
}

/** One sentence a screen reader can say instead of the picture. */
export function summarise(what: string, points: readonly { at: number; value: number }[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `No recorded history of ${what}.`;
  if (points.length === 1) {
    return `One snapshot of ${what}: ${formatCount(first.value)} at ${formatMoment(first.at)}.`;
  }
  const change = last.value - first.value;
  const verb = change > 0 ? "rose" : change < 0 ? "fell" : "stayed";
  const movement =
    change === 0
      ? `at ${formatCount(first.value)}`
      : `from ${formatCount(first.value)} to ${formatCount(last.value)}`;
  return `${what[0]!.toUpperCase()}${what.slice(1)} ${verb} ${movement} between ${formatMoment(first.at)} and ${formatMoment(last.at)} (${points.length} snapshots).`;
}
