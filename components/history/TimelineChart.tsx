"use client";

import { useId } from "react";
import { formatCount } from "@/lib/format";
import {
  formatMoment,
  formatTick,
  linearScale,
  linePath,
  niceTicks,
  summarise,
  timeTicks,
} from "@/lib/history/chart";
import type { Milestone } from "@/lib/petitions/milestones";

export interface ChartPoint {
  at: number;
  value: number;
}

// About the width the chart is shown at (the page's side column), so 11-unit text reads as 11 px.
const WIDTH = 360;
const HEIGHT = 180;
const MARGIN = { left: 52, right: 12, top: 20, bottom: 24 };
const HOUR = 3_600_000;
const LABEL_GAP = 10;

/**
 * A line of recorded snapshots over time, with the petition's milestones numbered on it. With fewer than two
 * snapshots it shows only dated facts (milestones, and `latest` as the latest count), never a line between them.
 * The picture is role=img with a one-sentence summary; the same numbers are in a table under <details>.
 */
export function TimelineChart({
  what,
  points,
  milestones = [],
  latest,
  marker,
  colour = "#1d4ed8",
}: {
  /** What the values are, e.g. "total signatures". */
  what: string;
  points: readonly ChartPoint[];
  milestones?: readonly Milestone[];
  latest?: ChartPoint;
  /** A moment to mark (the time slider's position). */
  marker?: number | null;
  colour?: string;
}) {
  const titleId = useId();
  const hasLine = points.length >= 2;
  const dated = milestones.map((milestone, index) => ({
    ...milestone,
    number: index + 1,
    at: Date.parse(milestone.at),
  }));
  const facts = hasLine ? [] : [...points, ...(latest ? [latest] : [])];
  const times = hasLine
    ? points.map((point) => point.at)
    : [...dated.map((m) => m.at), ...facts.map((f) => f.at)];
  if (times.length === 0) return null;
  let [from, to] = [Math.min(...times), Math.max(...times)];
  if (from === to) [from, to] = [from - HOUR, to + HOUR];

  const inRange = dated.filter((milestone) => milestone.at >= from && milestone.at <= to);
  const thresholds = inRange.flatMap((milestone) =>
    milestone.signatures === null ? [] : [milestone.signatures],
  );
  const values = [...points.map((point) => point.value), ...facts.map((fact) => fact.value), ...thresholds];
  const yTicks = niceTicks(hasLine ? Math.min(...values) : 0, Math.max(...values, 0));
  const x = linearScale([from, to], [MARGIN.left, WIDTH - MARGIN.right]);
  const y = linearScale([yTicks[0] ?? 0, yTicks.at(-1) ?? 1], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const summary = hasLine
    ? summarise(what, points)
    : `No recorded history of ${what}. ${facts.map((fact) => `${formatCount(fact.value)} at ${formatMoment(fact.at)}`).join("; ")}.`;
  const outside = dated.filter((milestone) => !inRange.includes(milestone));
  // Milestones days apart can be pixels apart: their numbers are nudged right so none sits on another.
  const labelX = new Map<string, number>();
  let previousLabel = -Infinity;
  for (const milestone of inRange) {
    previousLabel = Math.max(x(milestone.at), previousLabel + LABEL_GAP);
    labelX.set(milestone.kind, previousLabel);
  }
  const anchor = (at: number) =>
    at < MARGIN.left + 16 ? "start" : at > WIDTH - MARGIN.right - 16 ? "end" : "middle";

  return (
    <figure className="space-y-1">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        className="h-auto w-full"
        data-testid="timeline-chart"
        data-points={points.length}
      >
        <title id={titleId}>{summary}</title>
        {yTicks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="#475569">
              {formatCount(tick)}
            </text>
          </g>
        ))}
        {timeTicks(from, to, 4).map((tick) => (
          <text
            key={tick}
            x={x(tick)}
            y={HEIGHT - 8}
            textAnchor={anchor(x(tick))}
            fontSize={11}
            fill="#475569"
          >
            {formatTick(tick, to - from)}
          </text>
        ))}
        {inRange.map((milestone) => (
          <g key={milestone.kind}>
            <line
              x1={x(milestone.at)}
              x2={x(milestone.at)}
              y1={MARGIN.top}
              y2={HEIGHT - MARGIN.bottom}
              stroke="#94a3b8"
              strokeDasharray="3 3"
            />
            <text
              x={labelX.get(milestone.kind)}
              y={MARGIN.top - 8}
              textAnchor="middle"
              fontSize={11}
              fontWeight={600}
              fill="#334155"
            >
              {milestone.number}
            </text>
            {milestone.signatures !== null && (
              <circle cx={x(milestone.at)} cy={y(milestone.signatures)} r={4} fill="#334155" />
            )}
          </g>
        ))}
        {hasLine && (
          <path
            d={linePath(points, x, y)}
            fill="none"
            stroke={colour}
            strokeWidth={2}
            strokeLinejoin="round"
          />
        )}
        {facts.map((fact, index) => (
          <g key={`${fact.at}-${index}`}>
            <circle cx={x(fact.at)} cy={y(fact.value)} r={4.5} fill={colour} />
            <text
              x={x(fact.at)}
              y={y(fact.value) + 16}
              textAnchor={anchor(x(fact.at))}
              fontSize={11}
              fill={colour}
            >
              {formatCount(fact.value)}
            </text>
          </g>
        ))}
        {marker !== undefined && marker !== null && marker >= from && marker <= to && (
          <line
            x1={x(marker)}
            x2={x(marker)}
            y1={MARGIN.top}
            y2={HEIGHT - MARGIN.bottom}
            stroke="#dc2626"
            strokeWidth={1.5}
          />
        )}
      </svg>
      {dated.length > 0 && (
        <ol className="space-y-0.5 text-xs text-slate-700">
          {dated.map((milestone) => (
            <li key={milestone.kind}>
              <span className="font-semibold">{milestone.number}.</span> {milestone.label}:{" "}
              {formatMoment(milestone.at)}
              {outside.includes(milestone) && (
                <span className="text-slate-500"> (outside the recorded span)</span>
              )}
            </li>
          ))}
        </ol>
      )}
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-700">Table of the numbers in this chart</summary>
        <table className="mt-1 w-full">
          <caption className="sr-only">{summary}</caption>
          <thead>
            <tr className="text-left">
              <th scope="col">When (UK time)</th>
              <th scope="col" className="text-right">
                {what[0]!.toUpperCase() + what.slice(1)}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...points, ...facts.filter((fact) => !points.includes(fact))].map((point, index) => (
              <tr key={`${point.at}-${index}`}>
                <td>{formatMoment(point.at)}</td>
                <td className="text-right tabular-nums">{formatCount(point.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
