import { formatCount, formatOrdinal, formatRate } from "@/lib/format";
import type { SeatRow } from "@/lib/join/types";
import { METRIC_LABELS } from "@/lib/metric-labels";
import { colourOf, metricValue, type ColourScale } from "@/lib/scale/scale";
import { legendEntries, formatMetricValue } from "./legend";
import { pathBounds } from "@/lib/geo/seat-paths";
import { escapeMarkup } from "@/lib/markup";
import { wrapText } from "./text";

/** Open Graph's recommended size; Twitter's large summary card crops the same image to fit. */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

export interface PreviewInput {
  petitionId: number;
  title: string;
  signatureCount: number;
  scale: ColourScale;
  rows: readonly SeatRow[];
  /** Seat code → path data from the boundary set's SVG of seat paths. */
  paths: ReadonlyMap<string, string>;
  viewBox: readonly [number, number, number, number];
  /** The selected seat's code, outlined and ringed; null for none. */
  area: string | null;
}

const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
const INK = "#0f172a";
const MUTED = "#475569";
const SOURCE_TEXT = { size: 14, fill: MUTED };
const TEXT_X = 56;
const TEXT_WIDTH = 690;
const MAP_PANEL = { x: 790, y: 0, width: 410, height: PREVIEW_HEIGHT, padding: 16 };
/** Rough advance of an average character, in ems, for wrapping without font metrics (DejaVu Sans runs wide). */
const CHAR_EM = { regular: 0.56, bold: 0.62 };

/** The link preview as an SVG document: title, totals, the selected seat, a legend and the coloured map. */
export function buildPreviewSvg(input: PreviewInput): string {
  const selected = input.rows.find((row) => row.code === input.area) ?? null;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}" font-family="${FONT}" xml:space="preserve">`,
    `<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="#ffffff"/>`,
    textColumn(input, selected),
    map(input, selected),
    `</svg>`,
  ];
  return parts.join("\n");
}

function textColumn(input: PreviewInput, selected: SeatRow | null): string {
  const out: string[] = [];
  out.push(
    `<text x="${TEXT_X}" y="70" font-size="26" fill="${INK}"><tspan font-weight="bold">Petition Atlas</tspan><tspan fill="${MUTED}"> · Petition ${input.petitionId}</tspan></text>`,
  );
  const title = fitTitle(input.title);
  let y = 140;
  for (const line of title.lines) {
    out.push(textLine(line, y, { size: title.size, weight: "bold" }));
    y += Math.round(title.size * 1.22);
  }
  y += 26;
  out.push(
    `<text x="${TEXT_X}" y="${y}" fill="${INK}"><tspan font-size="42" font-weight="bold">${formatCount(input.signatureCount)}</tspan><tspan font-size="28"> signatures</tspan></text>`,
  );
  if (selected) out.push(selectedSeat(selected, input, y + 56));
  else out.push(topSeat(input.rows, y + 50));
  out.push(legend(input.scale));
  out.push(textLine("Petition data: UK Parliament, Open Government Licence v3.0.", 594, SOURCE_TEXT));
  out.push(
    textLine(
      "Boundaries: ONS, OGL v3.0. Contains OS data © Crown copyright and database right.",
      614,
      SOURCE_TEXT,
    ),
  );
  return out.join("\n");
}

/** With no seat selected, the seat with the most signatures (none when nobody signed). */
function topSeat(rows: readonly SeatRow[], y: number): string {
  const top = rows.reduce<SeatRow | null>(
    (best, row) => (!best || row.count > best.count ? row : best),
    null,
  );
  if (!top || top.count === 0) return "";
  const line = `Most signatures: ${top.name} (${formatCount(top.count)})`;
  return textLine(wrapText(line, charsPerLine(24, "regular"), 1)[0] ?? "", y, { size: 24, fill: MUTED });
}

/** The largest title size that fits in three lines, else a smaller one in four (cut with "…" beyond). */
function fitTitle(title: string): { size: number; lines: string[] } {
  for (const size of [46, 38]) {
    const lines = wrapText(title, charsPerLine(size, "bold"), 3);
    if (!lines.at(-1)?.endsWith("…")) return { size, lines };
  }
  return { size: 32, lines: wrapText(title, charsPerLine(32, "bold"), 4) };
}

function selectedSeat(row: SeatRow, input: PreviewInput, y: number): string {
  const { metric } = input.scale;
  const value = formatMetricValue(metric, metricValue(row, metric));
  const signatures = `${formatCount(row.count)} signatures`;
  const detail =
    metric === "count"
      ? `${signatures} · ${formatOrdinal(row.rank)} of ${input.rows.length}`
      : `${METRIC_LABELS[metric]}: ${value} · ${signatures}`;
  const swatch = colourOf(input.scale, metricValue(row, input.scale.metric));
  return [
    `<rect x="${TEXT_X}" y="${y - 22}" width="26" height="26" rx="4" fill="${swatch}" stroke="${INK}" stroke-width="3"/>`,
    `<text x="${TEXT_X + 40}" y="${y}" font-size="26" font-weight="bold" fill="${INK}">${escapeMarkup(wrapText(row.name, charsPerLine(26, "bold") - 3, 1)[0] ?? "")}</text>`,
    `<text x="${TEXT_X + 40}" y="${y + 34}" font-size="22" fill="${MUTED}">${escapeMarkup(detail)}</text>`,
  ].join("\n");
}

/** A row of swatches, lowest class first, each labelled with its lower bound. */
function legend(scale: ColourScale): string {
  const entries = legendEntries(scale);
  const gap = 6;
  const width = Math.min(88, Math.floor((TEXT_WIDTH - gap * (entries.length - 1)) / entries.length));
  const top = 516;
  const caption =
    scale.kind === "diverging" && scale.centre !== null
      ? `${METRIC_LABELS[scale.metric]} (UK rate ${formatRate(scale.centre)})`
      : METRIC_LABELS[scale.metric];
  const out = [textLine(caption, top - 14, { size: 20, fill: INK, weight: "bold" })];
  entries.forEach((entry, index) => {
    const x = TEXT_X + index * (width + gap);
    out.push(`<rect x="${x}" y="${top}" width="${width}" height="22" fill="${entry.colour}"/>`);
    out.push(
      `<text x="${x}" y="${top + 44}" font-size="15" fill="${MUTED}">${escapeMarkup(entry.from)}</text>`,
    );
  });
  return out.join("\n");
}

function map(input: PreviewInput, selected: SeatRow | null): string {
  const { x, y, width, height, padding } = MAP_PANEL;
  const [vx, vy, vw, vh] = input.viewBox;
  const inner = { width: width - 2 * padding, height: height - 2 * padding };
  // Mercator units per output pixel, so strokes and the ring keep their pixel size whatever the viewBox.
  const unitsPerPixel = Math.max(vw / inner.width, vh / inner.height);
  const seats = input.rows.flatMap((row) => {
    const d = input.paths.get(row.code);
    if (!d) return [];
    const fill = colourOf(input.scale, metricValue(row, input.scale.metric));
    return [`<path fill="${fill}" d="${d}"/>`];
  });
  const out = [
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="#eef2f7"/>`,
    `<svg x="${x + padding}" y="${y + padding}" width="${inner.width}" height="${inner.height}" viewBox="${vx} ${vy} ${vw} ${vh}" preserveAspectRatio="xMidYMid meet">`,
    `<g id="seats" stroke="#ffffff" stroke-width="${round(0.35 * unitsPerPixel)}" stroke-linejoin="round">`,
    ...seats,
    `</g>`,
  ];
  const d = selected ? input.paths.get(selected.code) : undefined;
  if (d) out.push(highlight(d, unitsPerPixel));
  out.push(`</svg>`);
  return out.join("\n");
}

/** The seat's outline, and a ring around it so a city seat a few pixels wide can still be found. */
function highlight(d: string, unitsPerPixel: number): string {
  const [minX, minY, maxX, maxY] = pathBounds(d);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const radius = Math.max(Math.hypot(maxX - minX, maxY - minY) / 2 + 6 * unitsPerPixel, 16 * unitsPerPixel);
  const ring = (stroke: string, pixels: number) =>
    `<circle cx="${round(cx)}" cy="${round(cy)}" r="${round(radius)}" fill="none" stroke="${stroke}" stroke-width="${round(pixels * unitsPerPixel)}"/>`;
  return [
    `<g id="selected">`,
    `<path d="${d}" fill="none" stroke="${INK}" stroke-width="${round(2 * unitsPerPixel)}" stroke-linejoin="round"/>`,
    ring("#ffffff", 6),
    ring(INK, 3),
    `</g>`,
  ].join("\n");
}

function textLine(
  text: string,
  y: number,
  { size, weight = "normal", fill = INK }: { size: number; weight?: "normal" | "bold"; fill?: string },
): string {
  return `<text x="${TEXT_X}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeMarkup(text)}</text>`;
}

function charsPerLine(size: number, weight: keyof typeof CHAR_EM): number {
  return Math.floor(TEXT_WIDTH / (size * CHAR_EM[weight]));
}

const round = (value: number) => Math.round(value * 100) / 100;
