"use client";

import { useAtlas } from "@/components/atlas/atlas-context";
import { useViewState } from "@/components/atlas/use-view-state";
import { colourOf, metricValue } from "@/lib/scale/scale";

/**
 * The choropleth as server-rendered SVG: coloured at first paint, before MapLibre boots, and the map itself when
 * WebGL is missing or JavaScript is off (each seat links to its own view). Geometry stays in the cached sprite file.
 */
export function SvgChoropleth() {
  const { rows, scales, viewBox, geometry, hexSvg } = useAtlas();
  const { view, hrefFor, update } = useViewState();
  const scale = scales[view.metric];
  const hex = view.view === "hex" && hexSvg ? hexSvg : null;
  const centres = new Map(hex?.centres.map((centre) => [centre.code, centre]));
  const shape = (code: string, props: React.SVGProps<SVGUseElement>) => {
    const centre = centres.get(code);
    return hex ? (
      <use href="#hex-cell" x={centre?.x} y={centre?.y} {...props} />
    ) : (
      <use href={`${geometry.sprite}#${code}`} {...props} />
    );
  };
  const selected = rows.find((row) => row.code === view.area);

  return (
    <svg
      viewBox={(hex ? hex.viewBox : viewBox).join(" ")}
      preserveAspectRatio="xMidYMid meet"
      className="h-full w-full p-8"
      stroke="#ffffff"
      strokeWidth={hex ? 0.01 : 0.6}
      strokeLinejoin="round"
    >
      {hex && (
        <defs>
          <polygon id="hex-cell" points={hex.ring} />
        </defs>
      )}
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
          {shape(row.code, { fill: colourOf(scale, metricValue(row, view.metric)) })}
        </a>
      ))}
      {selected && shape(selected.code, { fill: "none", stroke: "#0f172a", strokeWidth: hex ? 0.04 : 3 })}
    </svg>
  );
}
