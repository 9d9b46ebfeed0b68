"use client";

import { useState } from "react";
import { useAtlas } from "@/components/atlas/atlas-context";
import { useViewState } from "@/components/atlas/use-view-state";
import { formatCount, formatRate } from "@/lib/format";
import type { SeatMomentum } from "@/lib/join/types";

type Window = "hour" | "day";
const SHOWN = 8;

/** The seats gaining fastest relative to their size, over the last hour or 24 hours (from the seats' momentum). */
export function FastestGrowing({ windowLabels }: { windowLabels: Record<Window, string> }) {
  const { rows } = useAtlas();
  const { hrefFor, update } = useViewState();
  const [span, setSpan] = useState<Window>("hour");
  const rate = (momentum: SeatMomentum) =>
    span === "hour" ? momentum.hourPerThousand : momentum.dayPerThousand;
  const ranked = rows
    .flatMap((row) => (row.momentum && rate(row.momentum) > 0 ? [{ row, momentum: row.momentum }] : []))
    .sort((a, b) => rate(b.momentum) - rate(a.momentum) || a.row.name.localeCompare(b.row.name))
    .slice(0, SHOWN);

  return (
    <section aria-labelledby="fastest-growing" className="space-y-1 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="fastest-growing" className="font-semibold">
          Growing fastest now
        </h3>
        <div role="group" aria-label="Time window" className="flex gap-1 text-xs">
          {(["hour", "day"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={span === option}
              onClick={() => setSpan(option)}
              className={`rounded-full border px-2 py-0.5 ${span === option ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300"}`}
            >
              {windowLabels[option]}
            </button>
          ))}
        </div>
      </div>
      {ranked.length === 0 ? (
        <p className="text-slate-600">No seat gained signatures {windowLabels[span].toLowerCase()}.</p>
      ) : (
        <ol className="space-y-0.5" data-testid="fastest-growing">
          {ranked.map(({ row, momentum }) => (
            <li key={row.code} className="flex items-baseline justify-between gap-2">
              <a
                href={hrefFor({ area: row.code, at: null })}
                onClick={(event) => {
                  event.preventDefault();
                  update({ area: row.code, at: null });
                }}
                className="truncate underline decoration-dotted underline-offset-2"
              >
                {row.name}
              </a>
              <span className="shrink-0 text-right tabular-nums text-slate-700">
                +{formatCount(span === "hour" ? momentum.hour : momentum.day)}{" "}
                <span className="text-slate-500">({formatRate(rate(momentum))} per 1,000)</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
