"use client";

import { memo, useCallback, useMemo, useState } from "react";
import type { SeatRow } from "@/lib/join/types";
import { formatCount, formatRate, formatShare } from "@/lib/format";
import { inRegion, regionBySlug } from "@/lib/regions";
import { useAtlas } from "./atlas-context";
import { buildViewHref, DEFAULT_VIEW } from "@/lib/view-state";
import { useView, useViewUpdate } from "./use-view-state";

type SortKey = "count" | "share" | "perThousand" | "name";
const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "name", label: "Constituency", numeric: false },
  { key: "count", label: "Signatures", numeric: true },
  { key: "share", label: "Share of UK", numeric: true },
  { key: "perThousand", label: "Per 1,000 electors", numeric: true },
];
const COLLAPSED_ROWS = 10;

/** The ranked table of seats: the keyboard and screen-reader way to every seat on the map. */
export function SeatTable() {
  const { rows, pathname } = useAtlas();
  const { update } = useViewUpdate();
  // The table re-renders when its rows' links change, not on selection: each row follows that itself.
  const metric = useView((view) => view.metric);
  const mapKind = useView((view) => view.mapKind);
  const region = useView((view) => view.region);
  const [sortKey, setSortKey] = useState<SortKey>("count");
  const [expanded, setExpanded] = useState(false);
  const focus = region ? regionBySlug(region) : undefined;
  const hrefOf = useCallback(
    (code: string) => buildViewHref(pathname, { ...DEFAULT_VIEW, area: code, metric, mapKind, region }),
    [pathname, metric, mapKind, region],
  );
  const select = useCallback((code: string) => update({ area: code, at: null }), [update]);

  const sorted = useMemo(() => {
    const inFocus = focus ? rows.filter((row) => inRegion(row, focus)) : rows;
    return [...inFocus].sort(compareBy(sortKey));
  }, [rows, sortKey, focus]);
  const visible = expanded ? sorted : sorted.slice(0, COLLAPSED_ROWS);
  const place = focus ? ` in ${focus.name}` : "";

  return (
    // Below the fold: the browser lays it out only when it comes near the screen, so the map paints sooner.
    <div className="[contain-intrinsic-size:auto_1400px] [content-visibility:auto]">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left text-base font-semibold">
          Signatures by constituency{place} ({sorted.length} seats)
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-1 pr-2 font-medium">
              Rank
            </th>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={sortKey === column.key ? (column.numeric ? "descending" : "ascending") : undefined}
                className={`py-1 pr-2 font-medium ${column.numeric ? "text-right" : ""}`}
              >
                <button
                  type="button"
                  onClick={() => setSortKey(column.key)}
                  className="underline decoration-dotted underline-offset-2 hover:text-slate-950"
                >
                  {column.label}
                  <span className="sr-only">, sort</span>
                  {sortKey === column.key && <span aria-hidden="true"> {column.numeric ? "↓" : "↑"}</span>}
                </button>
              </th>
            ))}
            <th scope="col" className="hidden py-1 font-medium md:table-cell">
              MP
            </th>
          </tr>
        </thead>
        <tbody>
          {visible.map((row) => (
            <SeatTableRow key={row.code} row={row} href={hrefOf(row.code)} onSelect={select} />
          ))}
        </tbody>
      </table>
      {sorted.length > COLLAPSED_ROWS && (
        <button
          type="button"
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
          className="mt-2 rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
        >
          {expanded ? `Show top ${COLLAPSED_ROWS} only` : `Show all ${sorted.length} seats`}
        </button>
      )}
    </div>
  );
}

/** One seat's row; re-renders when it is selected or deselected, or its figures change. */
const SeatTableRow = memo(function SeatTableRow({
  row,
  href,
  onSelect,
}: {
  row: SeatRow;
  href: string;
  onSelect: (code: string) => void;
}) {
  const selected = useView((view) => view.area === row.code);
  return (
    <tr
      aria-selected={selected}
      className={`border-b border-slate-100 ${selected ? "bg-amber-100" : "hover:bg-slate-50"}`}
    >
      <td className="py-1 pr-2 tabular-nums">{row.rank}</td>
      <td className="py-1 pr-2">
        <a
          href={href}
          aria-current={selected ? "true" : undefined}
          onClick={(event) => {
            event.preventDefault();
            onSelect(row.code);
          }}
          className="text-sky-800 underline-offset-2 hover:underline"
        >
          {row.name}
        </a>
      </td>
      <td className="py-1 pr-2 text-right tabular-nums">{formatCount(row.count)}</td>
      <td className="py-1 pr-2 text-right tabular-nums">{formatShare(row.share)}</td>
      <td className="py-1 pr-2 text-right tabular-nums">{formatRate(row.perThousand)}</td>
      <td className="hidden py-1 text-slate-600 md:table-cell">{row.mp?.name ?? ""}</td>
    </tr>
  );
});

function compareBy(key: SortKey) {
  return (a: SeatRow, b: SeatRow) =>
    key === "name"
      ? a.name.localeCompare(b.name, "en-GB")
      : b[key] - a[key] || a.name.localeCompare(b.name, "en-GB");
}
