"use client";

import { useAtlas } from "@/components/atlas/atlas-context";
import { useViewState } from "@/components/atlas/use-view-state";
import { colourOf, metricValue } from "@/lib/scale/scale";

/**
 * The choropleth as server-rendered SVG: coloured at first paint, before MapLibre boots, and the map itself when
 * WebGL is missing or JavaScript is off (each seat links to its own view). Geometry stays in the cached sprite file.
 */
export function SvgChoropleth() {
  const { rows, scales, viewBox, geometry } = useAtlas();
  const { view, hrefFor, update } = useViewState();
  const scale = scales[view.metric];
  const selected = rows.find((row) => row.code === view.area);
  return (
    <svg
      viewBox={viewBox.join(" ")}
      preserveAspectRatio="xMidYMid meet"
      className="h-full w-full p-8"
      stroke="#ffffff"
      strokeWidth={0.6}
      strokeLinejoin="round"
    >
      {rows.map((row) => (
        <a
          key={row.code}
          href={hrefFor({ area: row.code, at: null })}
          tabIndex={-1}
          onClick={(event) => {
            event.preventDefault();
            update({ area: row.code, at: null });
          }}
        >
          <title>{row.name}</title>
          <use
            href={`${geometry.sprite}#${row.code}`}
            fill={colourOf(scale, metricValue(row, view.metric))}
          />
        </a>
      ))}
      {selected && (
        <use href={`${geometry.sprite}#${selected.code}`} fill="none" stroke="#0f172a" strokeWidth={3} />
      )}
    </svg>
  );
}
