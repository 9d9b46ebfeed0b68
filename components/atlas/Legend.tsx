"use client";

import { formatCount, formatRate, formatShare } from "@/lib/format";
import { METRIC_LABELS } from "@/lib/metric-labels";
import type { ColourScale, Metric } from "@/lib/scale/scale";
import { useAtlas } from "./atlas-context";
import { useViewState } from "./use-view-state";

function formatValue(metric: Metric, value: number): string {
  if (metric === "count") return formatCount(Math.round(value));
  if (metric === "share") return formatShare(value);
  return formatRate(value);
}

/** Class label, e.g. "120 – 180", from the scale's thresholds. */
function classLabel(scale: ColourScale, index: number): string {
  const lower = index === 0 ? scale.min : (scale.thresholds[index - 1] ?? scale.min);
  const upper = scale.thresholds[index];
  const from = formatValue(scale.metric, lower);
  return upper === undefined ? `${from} or more` : `${from} to under ${formatValue(scale.metric, upper)}`;
}

/** Metric switch and legend: breaks, colours and how many seats fall in each class. */
export function Legend() {
  const { scales, rows } = useAtlas();
  const { view, hrefFor, update } = useViewState();
  const scale = scales[view.metric];
  // Momentum needs signature history; a petition without any is not offered it.
  const metrics = (Object.keys(METRIC_LABELS) as Metric[]).filter(
    (metric) => metric !== "momentum" || rows.some((row) => row.momentum),
  );

  return (
    <div className="space-y-2 text-sm">
      <nav aria-label="Colour seats by" className="flex flex-wrap gap-1">
        {metrics.map((metric) => (
          <a
            key={metric}
            href={hrefFor({ metric })}
            aria-current={metric === view.metric ? "true" : undefined}
            onClick={(event) => {
              event.preventDefault();
              update({ metric });
            }}
            className={`rounded-full border px-3 py-1 ${
              metric === view.metric
                ? "border-slate-900 bg-slate-900 text-white"
                : "border-slate-300 bg-white hover:bg-slate-100"
            }`}
          >
            {METRIC_LABELS[metric]}
          </a>
        ))}
      </nav>
      <figure>
        <figcaption className="font-medium">
          {METRIC_LABELS[scale.metric]}
          {scale.kind === "diverging" && scale.centre !== null && (
            <span className="font-normal text-slate-600">
              {" "}
              — purple below, orange above the UK rate of {formatRate(scale.centre)}
            </span>
          )}
        </figcaption>
        <ul className="mt-1 grid gap-0.5">
          {scale.colours.map((colour, index) => (
            <li key={colour} className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-5 rounded-sm"
                style={{ backgroundColor: colour }}
              />
              <span className="tabular-nums">{classLabel(scale, index)}</span>
              <span className="text-slate-500">({scale.seatsPerClass[index] ?? 0} seats)</span>
            </li>
          ))}
          {scale.zeroSeats > 0 && (
            <li className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-5 rounded-sm"
                style={{ backgroundColor: scale.zeroColour }}
              />
              <span>None</span>
              <span className="text-slate-500">({scale.zeroSeats} seats)</span>
            </li>
          )}
        </ul>
        {scale.cappedAbove !== null && (
          <p className="mt-1 text-xs text-slate-600">
            A few seats far above the rest (over {formatValue(scale.metric, scale.cappedAbove)}) share the top
            colour.
          </p>
        )}
      </figure>
    </div>
  );
}
