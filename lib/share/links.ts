import { formatCount, formatOrdinal } from "@/lib/format";
import type { SeatRow } from "@/lib/join/types";
import { buildViewQuery, DEFAULT_VIEW, parseViewState, type ViewState } from "@/lib/view-state";

/** The parts of a view the link preview image shows: the colours and the outlined seat. */
export type PreviewView = Pick<ViewState, "metric" | "area">;

/** `/og/petitions/575833/map.png?area=…&metric=…`: the query is the page's own, minus what the image ignores. */
export function previewImagePath(petitionId: number, view: PreviewView): string {
  return `/og/petitions/${petitionId}/map.png${buildViewQuery({ ...DEFAULT_VIEW, metric: view.metric, area: view.area })}`;
}

/** Where the embeddable view of a petition lives. */
export function embedPath(petitionId: number): string {
  return `/embed/petitions/${petitionId}`;
}

/** A page's query string → the same view's query, normalised (bad values dropped, defaults omitted). */
export function normaliseViewQuery(search: string): string {
  return buildViewQuery(parseViewState(new URLSearchParams(search)));
}

/**
 * One line for link previews: the selected seat's figures, else the total and the seat with the most signatures,
 * e.g. "270,294 signatures · most: Salford and Eccles".
 */
export function shareDescription(
  signatureCount: number,
  rows: readonly SeatRow[],
  area: string | null,
): string {
  const total = `${formatCount(signatureCount)} signatures`;
  const selected = rows.find((row) => row.code === area);
  if (selected) {
    const tied = rows.some((row) => row !== selected && row.rank === selected.rank);
    const rank = `${tied ? "joint " : ""}${formatOrdinal(selected.rank)} of ${rows.length}`;
    return `${selected.name}: ${formatCount(selected.count)} signatures, ${rank} · ${total} in all`;
  }
  const top = rows.reduce<SeatRow | null>(
    (best, row) => (!best || row.count > best.count ? row : best),
    null,
  );
  return top && top.count > 0 ? `${total} · most: ${top.name}` : total;
}
