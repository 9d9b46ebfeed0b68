import type { Map as MapLibreMap } from "maplibre-gl";
import type { LegendEntry } from "@/lib/share/legend";

export interface MapImageText {
  title: string;
  subtitle: string;
  legendCaption: string;
  legend: LegendEntry[];
  /** Where the view lives and where the data come from, one paragraph each. */
  credits: string[];
}

/**
 * A copy of what the WebGL map shows now. The map keeps no drawing buffer between frames, so the copy is taken in
 * the "render" event of a frame asked for on purpose, while that frame's pixels still exist.
 */
export function captureMapCanvas(map: MapLibreMap, timeoutMs = 5_000): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The map did not draw a frame")), timeoutMs);
    map.once("render", () => {
      clearTimeout(timer);
      const source = map.getCanvas();
      const copy = document.createElement("canvas");
      copy.width = source.width;
      copy.height = source.height;
      copy.getContext("2d")?.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

const FONT_STACK = "system-ui, 'DejaVu Sans', Arial, sans-serif";
const PADDING = 16;
const MIN_WIDTH = 480;
const SWATCH = 14;

interface Line {
  text: string;
  font: string;
  colour: string;
  height: number;
}

/** The map framed for saving: title and totals above, legend and credits below, at the map's own pixel ratio. */
export function composeMapImage(
  map: HTMLCanvasElement,
  pixelRatio: number,
  text: MapImageText,
): HTMLCanvasElement {
  const output = document.createElement("canvas");
  const measure = output.getContext("2d");
  if (!measure) throw new Error("No 2D canvas");
  const mapWidth = map.width / pixelRatio;
  const mapHeight = map.height / pixelRatio;
  const width = Math.max(MIN_WIDTH, mapWidth);
  const textWidth = width - 2 * PADDING;

  const header: Line[] = [
    ...wrap(measure, text.title, `bold 20px ${FONT_STACK}`, textWidth).map((line) => ({
      text: line,
      font: `bold 20px ${FONT_STACK}`,
      colour: "#0f172a",
      height: 26,
    })),
    ...wrap(measure, text.subtitle, `14px ${FONT_STACK}`, textWidth).map((line) => ({
      text: line,
      font: `14px ${FONT_STACK}`,
      colour: "#334155",
      height: 20,
    })),
  ];
  const legendFont = `13px ${FONT_STACK}`;
  measure.font = legendFont;
  const swatches = flowLegend(measure, text.legend, textWidth);
  const legendRows = swatches.reduce((rows, item) => Math.max(rows, item.row + 1), 0);
  const credits: Line[] = text.credits.flatMap((paragraph) =>
    wrap(measure, paragraph, `11px ${FONT_STACK}`, textWidth).map((line) => ({
      text: line,
      font: `11px ${FONT_STACK}`,
      colour: "#475569",
      height: 15,
    })),
  );

  const headerHeight = PADDING + sum(header) + 8;
  const footerHeight = 10 + 20 + legendRows * 20 + 6 + sum(credits) + PADDING;
  output.width = Math.round(width * pixelRatio);
  output.height = Math.round((headerHeight + mapHeight + footerHeight) * pixelRatio);
  const context = output.getContext("2d");
  if (!context) throw new Error("No 2D canvas");
  context.scale(pixelRatio, pixelRatio);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, headerHeight + mapHeight + footerHeight);
  context.textBaseline = "top";

  let y = PADDING;
  y = drawLines(context, header, y);
  context.drawImage(map, (width - mapWidth) / 2, headerHeight, mapWidth, mapHeight);
  y = headerHeight + mapHeight + 10;
  drawLines(
    context,
    [{ text: text.legendCaption, font: `bold 13px ${FONT_STACK}`, colour: "#0f172a", height: 20 }],
    y,
  );
  y += 20;
  context.font = legendFont;
  for (const item of swatches) {
    const top = y + item.row * 20;
    context.fillStyle = item.entry.colour;
    context.fillRect(PADDING + item.x, top, SWATCH, SWATCH);
    context.fillStyle = "#334155";
    context.fillText(item.entry.range, PADDING + item.x + SWATCH + 4, top + 1);
  }
  drawLines(context, credits, y + legendRows * 20 + 6);
  return output;
}

function drawLines(context: CanvasRenderingContext2D, lines: Line[], top: number): number {
  let y = top;
  for (const line of lines) {
    context.font = line.font;
    context.fillStyle = line.colour;
    context.fillText(line.text, PADDING, y);
    y += line.height;
  }
  return y;
}

/** Swatch positions, left to right, starting a new row when the next one would not fit. */
function flowLegend(context: CanvasRenderingContext2D, entries: LegendEntry[], maxWidth: number) {
  let x = 0;
  let row = 0;
  return entries.map((entry) => {
    const itemWidth = SWATCH + 4 + context.measureText(entry.range).width + 14;
    if (x > 0 && x + itemWidth > maxWidth) {
      x = 0;
      row += 1;
    }
    const item = { entry, x, row };
    x += itemWidth;
    return item;
  });
}

/** Word wrap by measured width. */
function wrap(context: CanvasRenderingContext2D, text: string, font: string, maxWidth: number): string[] {
  context.font = font;
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && context.measureText(candidate).width > maxWidth) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

const sum = (lines: Line[]) => lines.reduce((total, line) => total + line.height, 0);
