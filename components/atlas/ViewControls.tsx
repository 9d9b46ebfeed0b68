"use client";

import { formatCount, formatRate } from "@/lib/format";
import { inRegion, REGION_FOCI, regionBySlug } from "@/lib/regions";
import type { MapKind } from "@/lib/view-state";
import { useAtlas } from "./atlas-context";
import { useViewState } from "./use-view-state";

const MAP_KIND_LABELS: Record<MapKind, string> = { map: "Map", hex: "Hexes (equal size)" };

/** Map or hex cartogram, and a nation or region to focus on; both are links or a plain form without JavaScript. */
export function ViewControls() {
  const { rows, national, pathname } = useAtlas();
  const { view, hrefFor, update } = useViewState();
  const focus = view.region ? regionBySlug(view.region) : undefined;
  const inFocus = focus ? rows.filter((row) => inRegion(row, focus)) : rows;
  const signatures = inFocus.reduce((sum, row) => sum + row.count, 0);
  const electorate = inFocus.reduce((sum, row) => sum + row.electorate, 0);

  return (
    <div className="space-y-3 text-sm">
      <nav aria-label="Map style" className="flex flex-wrap gap-1">
        {(Object.keys(MAP_KIND_LABELS) as MapKind[]).map((kind) => (
          <a
            key={kind}
            href={hrefFor({ mapKind: kind, at: null })}
            aria-current={kind === view.mapKind ? "true" : undefined}
            onClick={(event) => {
              event.preventDefault();
              update({ mapKind: kind, at: null });
            }}
            className={`rounded-full border px-3 py-1 ${
              kind === view.mapKind
                ? "border-slate-900 bg-slate-900 text-white"
                : "border-slate-300 bg-white hover:bg-slate-100"
            }`}
          >
            {MAP_KIND_LABELS[kind]}
          </a>
        ))}
      </nav>
      <form action={pathname} method="get" className="flex items-end gap-2">
        {view.area && <input type="hidden" name="area" value={view.area} />}
        {view.metric !== "count" && <input type="hidden" name="metric" value={view.metric} />}
        {view.mapKind !== "map" && <input type="hidden" name="view" value={view.mapKind} />}
        <label className="flex flex-col">
          <span className="font-medium">Focus on</span>
          <select
            name="region"
            value={view.region ?? ""}
            onChange={(event) => update({ region: event.target.value || null, area: null, at: null })}
            className="rounded border border-slate-400 bg-white px-2 py-1"
          >
            <option value="">The whole UK</option>
            <optgroup label="Nations">
              {REGION_FOCI.filter((option) => option.kind === "nation").map((option) => (
                <option key={option.slug} value={option.slug}>
                  {option.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="English regions">
              {REGION_FOCI.filter((option) => option.kind === "region").map((option) => (
                <option key={option.slug} value={option.slug}>
                  {option.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <noscript>
          <button type="submit" className="rounded border border-slate-400 px-3 py-1">
            Show
          </button>
        </noscript>
      </form>
      <p className="text-slate-700">
        <strong>{focus ? focus.name : "UK"}</strong>: {formatCount(signatures)} signatures in {inFocus.length}{" "}
        seats · {formatRate(electorate > 0 ? (signatures / electorate) * 1000 : 0)} per 1,000 electors
        {focus && ` (UK ${formatRate(national.ukPerThousand)})`}
      </p>
    </div>
  );
}
