import { readFileSync, writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { median, quantile } from "simple-statistics";
import { repoRoot } from "@/scripts/data/paths";

export const BENCHMARKS_DOC = `${repoRoot}/docs/BENCHMARKS.md`;
const TITLE =
  "# Benchmarks\n\nNumbers from `npm run bench` (scripts/bench/run.ts); each section is rewritten by its bench.\n";

/** A markdown table; columns of numbers and measurements ("12 ms", "3.4 KiB", "—") are right-aligned. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const numeric = (cell: string | number | undefined) =>
    typeof cell === "number" || /^(—|[\d.,]+ ?(ms|µs|KiB|MiB|%|req\/s)?)$/.test(cell ?? "");
  const align = header.map((_, column) => (rows.every((row) => numeric(row[column])) ? "---:" : "---"));
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(align), ...rows.map(line)].join("\n");
}

export interface Spread {
  median: number;
  p90: number;
}

/** Median and 90th percentile (simple-statistics' quantile, which interpolates between ranks). */
export function spread(values: number[]): Spread | null {
  return values.length === 0 ? null : { median: median(values), p90: quantile(values, 0.9) };
}

export const ms = (value: number | null | undefined) => (value == null ? "—" : `${Math.round(value)} ms`);
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The document with "## heading" holding `body`: the old section's body replaced up to the next "## ", or appended. */
export function replaceSection(doc: string, heading: string, body: string): string {
  const section = `## ${heading}\n\n${body.trim()}\n`;
  const lines = doc.split("\n");
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) return `${doc.trimEnd()}\n\n${section}`;
  const nextHeading = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  const before = lines.slice(0, start).join("\n").trimEnd();
  const after = nextHeading < 0 ? "" : `\n${lines.slice(nextHeading).join("\n")}`;
  return `${before}\n\n${section}${after}`;
}

/** Writes one bench's section into docs/BENCHMARKS.md, Prettier-formatted as format:check expects. */
export async function writeSection(heading: string, body: string): Promise<void> {
  let doc = TITLE;
  try {
    doc = readFileSync(BENCHMARKS_DOC, "utf8");
  } catch {
    // First bench run: start the document.
  }
  const options = (await resolveConfig(BENCHMARKS_DOC)) ?? {};
  const updated = replaceSection(doc, heading, body);
  writeFileSync(BENCHMARKS_DOC, await format(updated, { ...options, parser: "markdown" }));
}
