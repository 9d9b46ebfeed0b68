"use client";

import { memo, useEffect, useLayoutEffect, useRef, useState } from "react";
import {
  cameraFrame,
  frameWidth,
  frameZoom,
  type SeatBox,
  seatsFrame,
  type SvgFrame,
  type ViewBox,
  unitsPerPixel,
  wholeFrame,
} from "@/lib/geo/camera";
import { fetchText } from "@/lib/api/fetch";
import { hexCellTransform } from "@/lib/geo/hex";
import type { HexSvgLayout } from "@/lib/geo/hex-file";
import { parseSeatPaths } from "@/lib/geo/seat-paths";
import { unionBounds } from "@/lib/geo/seats-topology";
import type { SeatRow } from "@/lib/join/types";
import { seatLinksMarkup, seatPathId } from "@/lib/map/seat-markup";
import type { MapCamera } from "@/lib/map/types";
import { colourOf, metricValue, type ColourScale } from "@/lib/scale/scale";
import { outlineWidthAt, SELECTED_WIDTH } from "./map-style";
import { afterNextPaint } from "./svg-paint";

/**
 * On the server, the seat paths file's seat paths; null in the browser, whose bundle compiles this branch out. The
 * seats reach the HTML as markup once and never the RSC payload: React keeps server-rendered innerHTML as it is.
 */
const serverSeatPaths: ((url: string) => Map<string, string>) | null =
  typeof window === "undefined"
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would ship node:fs to browsers
      (require("@/lib/geo/seat-paths-read") as typeof import("@/lib/geo/seat-paths-read")).readSeatPathsFile
    : null;

function setIfChanged(element: Element, name: string, value: string) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

export interface SvgChoroplethProps {
  /** Hexes when given (the cartogram), else the geographic seats. */
  hex: HexSvgLayout | null;
  rows: readonly SeatRow[];
  scale: ColourScale;
  selection: string | null;
  onSelect: (code: string) => void;
  seatHref: (code: string) => string;
  camera: MapCamera;
  /** The seat paths file, for a map the server did not draw. */
  seatPathsUrl: string;
  /** The whole map's viewBox. */
  wholeMap: ViewBox;
  /** The server's framing of the first camera; null shows every seat. */
  initialFrame: SvgFrame | null;
  /**
   * Told which camera (as JSON) the seats of the drawing on show are framed for now (null while it is not framed yet):
   * a new one is framed a frame after it arrives.
   */
  framedCamera: { current: string | null };
  /** After the browser has painted a frame with the seats drawn. */
  onPainted: () => void;
  /** The seat shapes could not be fetched. */
  onShapesFailed: () => void;
}

/**
 * The choropleth as server-rendered SVG: coloured at first paint, before MapLibre boots, and the map itself when
 * WebGL is missing or JavaScript is off (each seat links to its own view).
 * The geographic seats are markup the server writes (or, for a map drawn after the page loaded, built from the
 * seat paths file); React owns neither their elements nor their hydration, so colours and links are kept up to date
 * here. The cartogram's hexes are drawn in the same Mercator units (lib/geo/hex.ts). Its camera matches MapLibre's
 * in any box: the svg element, centred in a size container and drawing past its
 * own edges, is sized in CSS by the frame (lib/geo/camera.ts); the server frames the first view, the seats as drawn
 * frame later ones.
 */
export const SvgChoropleth = memo(function SvgChoropleth({
  hex,
  rows,
  scale,
  selection,
  onSelect,
  seatHref,
  camera,
  seatPathsUrl,
  wholeMap,
  initialFrame,
  framedCamera,
  onPainted,
  onShapesFailed,
}: SvgChoroplethProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const seatsRef = useRef<SVGGElement>(null);
  // Counts the times the browser has drawn the seats itself, so their colours are brought up to date after.
  const [seatsBuilt, setSeatsBuilt] = useState(0);
  const key = JSON.stringify(camera);
  const drawing = hex ? "hex" : "map";
  const [initial] = useState({ key, drawing });
  // The camera on show, the drawing it framed and its frame: the server's first, then each new camera's (or the
  // other drawing's), measured from the seats as drawn.
  const [shown, setShown] = useState({ key, drawing, frame: initialFrame });
  const fillOf = (row: SeatRow) => colourOf(scale, metricValue(row, scale.metric));
  const shapesOf = (paths: Map<string, string>) =>
    rows.flatMap((row) => {
      const d = paths.get(row.code);
      return d ? [{ code: row.code, href: seatHref(row.code), fill: fillOf(row), d }] : [];
    });
  // A page that opens on the hex view leaves the paths out; if it switches to the map, they come from the seat paths file.
  const serverSeats = serverSeatPaths && !hex ? seatLinksMarkup(shapesOf(serverSeatPaths(seatPathsUrl))) : "";

  // The fetch below draws with the colours and links of the moment its seat paths arrive.
  const latestShapes = useRef(shapesOf);
  useEffect(() => {
    latestShapes.current = shapesOf;
  });

  // A map the server did not draw (reached by client navigation, or opened on the hex view) fetches its paths.
  useEffect(() => {
    const layer = seatsRef.current;
    if (!layer || hex || layer.childElementCount > 0) return;
    const request = new AbortController();
    fetchText(seatPathsUrl, request.signal)
      .then((svg) => {
        layer.innerHTML = seatLinksMarkup(latestShapes.current(parseSeatPaths(svg)));
        setSeatsBuilt((count) => count + 1);
      })
      .catch((error: unknown) => {
        if (request.signal.aborted) return;
        console.error("Seat shapes unavailable", error);
        onShapesFailed();
      });
    return () => request.abort();
  }, [seatPathsUrl, hex, onShapesFailed]);

  // Seats in the document are painted in the next frame (the server's inline script may have said so already).
  useEffect(() => {
    if (!svgRef.current?.querySelector("[data-seats] > a")) return;
    return afterNextPaint(onPainted);
  }, [seatsBuilt, hex, onPainted]);

  // Colours, links and names follow the view; attributes already right are left alone, so hydration writes only
  // the names.
  useLayoutEffect(() => {
    const layer = seatsRef.current;
    if (!layer) return;
    const byCode = new Map(rows.map((row) => [row.code, row]));
    for (const link of layer.children) {
      const row = byCode.get(link.getAttribute("data-code") ?? "");
      if (!row) continue;
      setIfChanged(link, "fill", fillOf(row));
      setIfChanged(link, "href", seatHref(row.code));
      // Named here, not in the server's markup: that SVG is hidden from assistive technology until the browser
      // makes it the map (a touch screen before its first pan or zoom, or MapLibre failing), and the names would
      // travel twice (6 KB gzipped of a page whose rows carry them already).
      setIfChanged(link, "aria-label", row.name);
    }
    // fillOf is derived from scale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, scale, seatHref, seatsBuilt]);

  // A new camera is framed once the frame answering the click is on screen: re-drawing every seat at a new scale
  // would hold that frame back. Seats drawn in the browser are measured again once they are there.
  useEffect(() => {
    const svg = svgRef.current;
    const atFirst = key === initial.key && drawing === initial.drawing;
    if (!svg || (atFirst && shown.key === key && shown.drawing === drawing)) return;
    return afterNextPaint(() =>
      setShown({ key, drawing, frame: atFirst ? initialFrame : measureFrame(svg, camera) }),
    );
    // The key stands for the camera; the frame on show is what it replaces.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, initial, drawing, seatsBuilt]);

  const framed = shown.drawing === drawing;
  useEffect(() => {
    framedCamera.current = framed ? shown.key : null;
  }, [framedCamera, framed, shown.key]);

  // Both drawings are in Mercator units: one frame fits either, until the other drawing's seats are measured.
  const frame = (framed ? shown.frame : null) ?? wholeFrame(hex ? hex.viewBox : wholeMap);
  const [, , frameUnitsWide, frameUnitsHigh] = frame.viewBox;
  // Outlines as wide on screen as MapLibre draws them at this zoom (in the nominal map).
  const zoom = frameZoom(frame);
  const pixel = unitsPerPixel(zoom);
  const selectedCentre =
    hex && selection ? hex.centres.find((centre) => centre.code === selection) : undefined;

  return (
    <div className="relative h-full w-full [container-type:size]">
      <svg
        ref={svgRef}
        viewBox={frame.viewBox.join(" ")}
        preserveAspectRatio="xMidYMid meet"
        className="absolute top-1/2 left-1/2 h-auto -translate-x-1/2 -translate-y-1/2 overflow-visible"
        style={{ width: frameWidth(frame), aspectRatio: `${frameUnitsWide} / ${frameUnitsHigh}` }}
        stroke="#ffffff"
        strokeOpacity={0.8}
        strokeWidth={outlineWidthAt(zoom) * pixel}
        strokeLinejoin="round"
        onClick={(event) => {
          // One handler for every seat; a modified click still opens the seat's link as the browser would.
          const code = (event.target as Element).closest("a[data-code]")?.getAttribute("data-code");
          if (!code || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
            return;
          event.preventDefault();
          onSelect(code);
        }}
      >
        <g
          ref={seatsRef}
          data-seats={hex ? undefined : ""}
          display={hex ? "none" : undefined}
          dangerouslySetInnerHTML={{ __html: serverSeats }}
          suppressHydrationWarning
        />
        {hex && <HexSeats hex={hex} rows={rows} scale={scale} seatHref={seatHref} />}
        {selection && (!hex || selectedCentre) && (
          <use
            href={hex ? "#hex-cell" : `#${seatPathId(selection)}`}
            transform={selectedCentre && hexCellTransform(selectedCentre)}
            fill="none"
            stroke="#0f172a"
            strokeOpacity={1}
            strokeWidth={SELECTED_WIDTH * pixel}
          />
        )}
      </svg>
    </div>
  );
});

/** The cartogram's 650 hexes: React elements, re-rendered only when colours or links change, not on selection. */
const HexSeats = memo(function HexSeats({
  hex,
  rows,
  scale,
  seatHref,
}: {
  hex: HexSvgLayout;
  rows: readonly SeatRow[];
  scale: ColourScale;
  seatHref: (code: string) => string;
}) {
  const cells = new Map(hex.centres.map((centre) => [centre.code, hexCellTransform(centre)]));
  return (
    <>
      <defs>
        <polygon id="hex-cell" points={hex.ring} />
      </defs>
      <g data-seats="">
        {rows.map((row) => (
          <a
            key={row.code}
            data-code={row.code}
            href={seatHref(row.code)}
            aria-label={row.name}
            tabIndex={-1}
          >
            <use
              href="#hex-cell"
              transform={cells.get(row.code)}
              fill={colourOf(scale, metricValue(row, scale.metric))}
            />
          </a>
        ))}
      </g>
    </>
  );
});

/** The frame MapLibre's camera would have, from the seats as drawn; null shows every seat. */
function measureFrame(svg: SVGSVGElement, camera: MapCamera): SvgFrame | null {
  if (camera.at) return cameraFrame(camera.at);
  if (!camera.seats) return null;
  const boxes = camera.seats.flatMap((code): SeatBox[] => {
    const seat = svg.querySelector<SVGAElement>(`[data-seats] > a[data-code="${code}"]`)?.getBBox();
    // A seat measures nothing until the seat paths file has arrived.
    return seat && seat.width > 0 ? [[seat.x, seat.y, seat.x + seat.width, seat.y + seat.height]] : [];
  });
  const box = unionBounds(boxes);
  return box ? seatsFrame(box) : null;
}
