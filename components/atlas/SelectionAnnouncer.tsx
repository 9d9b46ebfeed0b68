"use client";

import { formatCount, formatOrdinal } from "@/lib/format";
import { useAtlas } from "./atlas-context";
import { useSelectedSeat } from "./use-view-state";

/** Tells screen-reader users what a click on the map, a search or a table row selected. */
export function SelectionAnnouncer() {
  const { rows } = useAtlas();
  const row = useSelectedSeat();
  return (
    <p aria-live="polite" className="sr-only">
      {row
        ? `Selected ${row.name}: ${formatCount(row.count)} signatures, ${formatOrdinal(row.rank)} of ${rows.length}.`
        : ""}
    </p>
  );
}
