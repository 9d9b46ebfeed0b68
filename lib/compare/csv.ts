import { csvCell, CSV_BOM } from "@/lib/export/csv";
import type { Comparison } from "./compare";
import { DIFFERENCE_TEXT } from "./difference";

/** The comparison per seat as CSV: both counts and rates and the map's log ratio, named by its measure ("" for no ratio). */
export function comparisonCsv(comparison: Comparison, idA: number, idB: number): string {
  const header = [
    "ons_code",
    "name",
    `signatures_${idA}`,
    `signatures_${idB}`,
    `per_1000_electors_${idA}`,
    `per_1000_electors_${idB}`,
    DIFFERENCE_TEXT[comparison.measure].csvColumn,
  ];
  const lines = comparison.seats.map((seat) =>
    [
      seat.code,
      seat.name,
      seat.countA,
      seat.countB,
      seat.rateA.toFixed(3),
      seat.rateB.toFixed(3),
      seat.difference === null ? "" : seat.difference.toFixed(4),
    ]
      .map(csvCell)
      .join(","),
  );
  return `${CSV_BOM}${[header.join(","), ...lines].join("\r\n")}\r\n`;
}

/** Correlations as the page's hook writes them: 3 decimals, "" when undefined. */
export function formatCorrelation(value: number | null): string {
  return value === null ? "" : value.toFixed(3);
}
