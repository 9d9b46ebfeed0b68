import type { SeatRow } from "@/lib/join/types";

/** The seat table's columns, in order (the CSV's header row). */
export const SEAT_TABLE_COLUMNS = [
  "ons_code",
  "name",
  "mp",
  "party",
  "signatures",
  "share_of_uk_pct",
  "per_1000_electors",
  "rank",
] as const;
/** A byte-order mark so spreadsheet programs read the file as UTF-8 ("Ynys Môn" survives). */
export const CSV_BOM = "\uFEFF";

/**
 * RFC 4180 quoting; a cell that starts with TAB or CR, or with =, +, - or @ once spreadsheets trim its spaces, is
 * neutralised so it can never run as a formula.
 */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[\t\r]/.test(value) || /^[=+\-@]/.test(value.trim()) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The per-seat table as CSV, ranked (most signatures first, then by name). */
export function seatTableCsv(rows: readonly SeatRow[]): string {
  const ranked = [...rows].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, "en-GB"));
  const lines = ranked.map((row) =>
    [
      row.code,
      row.name,
      row.mp?.name ?? "",
      row.mp?.partyName ?? "",
      row.count,
      row.share.toFixed(4),
      row.perThousand.toFixed(3),
      row.rank,
    ]
      .map(csvCell)
      .join(","),
  );
  return `${CSV_BOM}${[SEAT_TABLE_COLUMNS.join(","), ...lines].join("\r\n")}\r\n`;
}
