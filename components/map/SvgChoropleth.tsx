"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useAtlas } from "@/components/atlas/atlas-context";
import { useViewState } from "@/components/atlas/use-view-state";
import {
  cameraSeats,
  cameraViewBox,
  fitViewBox,
  type SpriteBox,
  type ViewBox,
  unitsPerPixel,
  zoomOf,
} from "@/lib/geo/camera";
import { unionBounds } from "@/lib/geo/seats-topology";
import type { SeatRow } from "@/lib/join/types";
import { colourOf, metricValue } from "@/lib/scale/scale";
import type { ViewState } from "@/lib/view-state";
import { outlineWidthAt, SELECTED_WIDTH } from "./map-style";

type CameraView = Pick<ViewState, "area" | "region" | "at">;

/**
 * On the server, the sprite file's paths for inlining; null in the browser, whose bundle compiles this branch
 * out. The paths reach the HTML once and never the RSC payload: React keeps server-rendered innerHTML as it is.
 */
const serverSpriteMarkup: ((spritePath: string) => string) | null =
  typeof window === "undefined"
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would ship node:fs to browsers
      (require("./sprite-markup") as typeof import("./sprite-markup")).spriteMarkup
    : null;

/** Set on the page's inline paths once their map has hydrated: a map drawn later must use the sprite file. */
const CLAIMED = "data-claimed";

/**
 * Whether the page arrived with inline paths for this set that no map has taken yet. Pure, so a hydration React
 * restarts sees the same answer; the claim is written only once the map has committed.
 */
function hasUnclaimedInlineSprite(id: string): boolean {
  const defs = document.getElementById(id);
  return defs !== null && !defs.hasAttribute(CLAIMED);
}

const cameraKey = ({ area, region, at }: CameraView) => JSON.stringify([area, region, at]);

/**
 * The choropleth as server-rendered SVG: coloured at first paint, before MapLibre boots, and the map itself when
 * WebGL is missing or JavaScript is off (each seat links to its own view).
 * Its camera matches MapLibre's: the server frames the first view; later ones are measured from the drawn seats.
 */
export function SvgChoropleth({
  initialView,
  initialViewBox,
}: {
  initialView: CameraView;
  /** The server's framing of initialView; null shows every seat. */
  initialViewBox: ViewBox | null;
}) {
  const { rows, scales, viewBox: wholeMap, geometry, hexSvg, set } = useAtlas();
  const { view, hrefFor, update } = useViewState();
  const svgRef = useRef<SVGSVGElement>(null);
  const key = cameraKey(view);
  const initialKey = cameraKey(initialView);
  const [measured, setMeasured] = useState<{ key: string; viewBox: ViewBox | null } | null>(null);
  const scale = scales[view.metric];
  const hex = view.view === "hex" && hexSvg ? hexSvg : null;
  const spriteId = `seat-sprite-${set}`;
  // A page that opens on the hex view leaves the paths out; if it switches to the map, it uses the sprite file.
  const [inline] = useState(() =>
    serverSpriteMarkup !== null ? view.view === "map" : hasUnclaimedInlineSprite(spriteId),
  );
  useEffect(() => {
    if (inline) document.getElementById(spriteId)?.setAttribute(CLAIMED, "");
  }, [inline, spriteId]);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || hex || key === initialKey) return;
    setMeasured({ key, viewBox: measureCamera(svg, view, rows) });
    // The key stands for the view's camera fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, initialKey, hex, rows]);

  const framed = key === initialKey ? initialViewBox : measured?.key === key ? measured.viewBox : null;
  const viewBox = hex ? hex.viewBox : (framed ?? wholeMap);
  // Outlines as wide on screen as MapLibre draws them at this zoom.
  const zoom = zoomOf(viewBox);
  const pixel = unitsPerPixel(zoom);
  const centres = new Map(hex?.centres.map((centre) => [centre.code, centre]));
  const shape = (code: string, props: React.SVGProps<SVGUseElement>) => {
    const centre = centres.get(code);
    return hex ? (
      <use href="#hex-cell" x={centre?.x} y={centre?.y} {...props} />
    ) : (
      <use href={`${inline ? "" : geometry.sprite}#${code}`} data-code={code} {...props} />
    );
  };
  const selected = rows.find((row) => row.code === view.area);

  return (
    <svg
      ref={svgRef}
      viewBox={viewBox.join(" ")}
      preserveAspectRatio="xMidYMid meet"
      className="h-full w-full overflow-visible p-12"
      stroke="#ffffff"
      strokeOpacity={0.8}
      strokeWidth={hex ? 0.01 : outlineWidthAt(zoom) * pixel}
      strokeLinejoin="round"
    >
      {inline && (
        <defs
          id={spriteId}
          dangerouslySetInnerHTML={{ __html: serverSpriteMarkup?.(geometry.sprite) ?? "" }}
          suppressHydrationWarning
        />
      )}
      {hex && (
        <defs>
          <polygon id="hex-cell" points={hex.ring} />
        </defs>
      )}
      {rows.map((row) => (
        <a
          key={row.code}
          href={hrefFor({ area: row.code, at: null })}
          aria-label={row.name}
          tabIndex={-1}
          onClick={(event) => {
            event.preventDefault();
            update({ area: row.code, at: null });
          }}
        >
          {shape(row.code, { fill: colourOf(scale, metricValue(row, view.metric)) })}
        </a>
      ))}
      {selected &&
        shape(selected.code, {
          fill: "none",
          stroke: "#0f172a",
          strokeOpacity: 1,
          strokeWidth: hex ? 0.04 : SELECTED_WIDTH * pixel,
        })}
    </svg>
  );
}

/** The viewBox MapLibre's camera would have for a view, from the seats as drawn; null shows every seat. */
function measureCamera(svg: SVGSVGElement, view: CameraView, rows: readonly SeatRow[]): ViewBox | null {
  const mapPx = [svg.clientWidth, svg.clientHeight] as const;
  if (view.at) return cameraViewBox(view.at, mapPx);
  const codes = cameraSeats(view, rows);
  if (!codes) return null;
  const boxes = codes.flatMap((code): SpriteBox[] => {
    const seat = svg.querySelector<SVGUseElement>(`use[data-code="${code}"]`)?.getBBox();
    // A seat measures nothing until the sprite file has arrived.
    return seat && seat.width > 0 ? [[seat.x, seat.y, seat.x + seat.width, seat.y + seat.height]] : [];
  });
  const box = unionBounds(boxes);
  return box ? fitViewBox(box, mapPx) : null;
}
