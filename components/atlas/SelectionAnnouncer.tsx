"use client";

import { useState } from "react";
import { formatCount, formatOrdinal } from "@/lib/format";
import { useAtlas } from "./atlas-context";
import { useSelectedSeat } from "./use-view-state";

/**
 * Tells screen-reader users what a click on the map, a search or a table row selected. The figures are those of
 * the moment of selection: a live refresh or a history playback must not read the selection out again.
 */
export function SelectionAnnouncer() {
  const { rows } = useAtlas();
  const row = useSelectedSeat();
  const area = row?.code ?? null;
  const [announced, setAnnounced] = useState({ area, text: announcement(row, rows.length) });
  if (announced.area !== area) setAnnounced({ area, text: announcement(row, rows.length) });
  return (
    <p aria-live="polite" className="sr-only" data-testid="selection-announcer">
      {announced.text}
    </p>
  );
}

function announcement(row: ReturnType<typeof useSelectedSeat>, seats: number): string {
  return row
    ? `Selected ${row.name}: ${formatCount(row.count)} signatures, ${formatOrdinal(row.rank)} of ${seats}.`
    : "";
}
