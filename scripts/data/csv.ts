import { readFileSync } from "node:fs";

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of cells. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += char;
    }
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into records keyed by column name; every row must have every column. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsvRows(text);
  if (!header) return [];
  return body
    .filter((cells) => cells.some((cell) => cell !== ""))
    .map((cells, index) => {
      if (cells.length !== header.length) {
        throw new Error(`CSV row ${index + 2} has ${cells.length} cells, expected ${header.length}`);
      }
      return Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ""]));
    });
}

export function readCsv(file: string): Record<string, string>[] {
  return parseCsv(readFileSync(file, "utf8"));
}

/** A column's value, failing loudly when the column is missing (a renamed column must not read as empty). */
export function field(record: Record<string, string>, column: string): string {
  const value = record[column];
  if (value === undefined) throw new Error(`Missing CSV column "${column}"`);
  return value;
}
