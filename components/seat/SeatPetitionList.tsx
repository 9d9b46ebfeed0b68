import { formatCount } from "@/lib/format";
import { petitionSeatPath } from "@/lib/seat-page/links";
import type { RankedPetition } from "@/lib/seat-page/ranking";

/** One ranked list of a seat page: each row opens the petition's map with the seat selected. */
export function SeatPetitionList({
  rows,
  seatCode,
  testId,
  emphasis,
}: {
  rows: readonly RankedPetition[];
  seatCode: string;
  testId?: string;
  emphasis: "ratio" | "count";
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No indexed petition qualifies yet.</p>;
  return (
    <ol data-testid={testId} className="divide-y divide-slate-200 rounded border border-slate-200">
      {rows.map((row) => (
        <li key={row.id} data-petition-id={row.id} className="flex items-baseline gap-3 px-3 py-2 text-sm">
          <a href={petitionSeatPath(row.id, seatCode)} className="flex-1 text-sky-800 underline">
            {row.title}
          </a>
          <span className={`tabular-nums ${emphasis === "ratio" ? "font-semibold" : ""}`}>
            {row.overRepresentation.toFixed(1)}× its share
          </span>
          <span className={`w-28 text-right tabular-nums ${emphasis === "count" ? "font-semibold" : ""}`}>
            {formatCount(row.seat)} signed
          </span>
        </li>
      ))}
    </ol>
  );
}
