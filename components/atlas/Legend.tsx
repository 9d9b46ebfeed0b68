"use client";

import { formatRate } from "@/lib/format";
import { METRIC_LABELS } from "@/lib/metric-labels";
import type { Metric } from "@/lib/scale/scale";
import { formatMetricValue, legendEntries } from "@/lib/share/legend";
import { useAtlas } from "./atlas-context";
import { useViewState } from "./use-view-state";

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
          {legendEntries(scale).map((entry) => (
            <li key={entry.colour} className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-5 rounded-sm"
                style={{ backgroundColor: entry.colour }}
              />
              <span className="tabular-nums">{entry.range}</span>
              <span className="text-slate-500">({entry.seats} seats)</span>
            </li>
          ))}
        </ul>
        {scale.cappedAbove !== null && (
          <p className="mt-1 text-xs text-slate-600">
            A few seats far above the rest (over {formatMetricValue(scale.metric, scale.cappedAbove)}) share
            the top colour.
          </p>
        )}
      </figure>
    </div>
  );
}
