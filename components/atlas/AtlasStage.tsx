"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useView } from "./use-view-state";

/** How much of a phone screen the sheet takes: its handle and a line, half the screen, or all below the header. */
export type SheetState = "peek" | "half" | "full";
const STATES: readonly SheetState[] = ["peek", "half", "full"];
const LABELS: Record<SheetState, string> = { peek: "collapsed", half: "half open", full: "open" };

/**
 * The first screen below the petition's header: the map, with the panel (seat, metric, legend, region) beside it
 * on wider screens and as a bottom sheet on a phone held upright. The sheet's state is published as data-sheet,
 * which the stylesheet turns into --sheet-cover: the part of the map it covers, which the map's camera keeps clear.
 */
export function AtlasStage({
  map,
  search,
  panel,
}: {
  map: React.ReactNode;
  search: React.ReactNode;
  panel: React.ReactNode;
}) {
  const selected = useView((view) => view.area !== null);
  const [sheet, setSheet] = useState<SheetState>(selected ? "half" : "peek");
  // A new selection opens a collapsed sheet far enough to show the seat; clearing it collapses the sheet again.
  const [wasSelected, setWasSelected] = useState(selected);
  if (selected !== wasSelected) {
    setWasSelected(selected);
    if (selected && sheet === "peek") setSheet("half");
    else if (!selected && sheet === "half") setSheet("peek");
  }
  const panelId = useId();

  return (
    <div
      data-sheet={sheet}
      className="atlas-stage relative flex min-h-0 flex-1 flex-col sm:flex-row sm:border-t sm:border-slate-200"
    >
      {/* The search and the panel come before the map in the document (placed over and beside it by CSS): the
          browser paints what it has parsed, and the map's seats are most of the page's markup. */}
      <div className="absolute inset-x-2 top-2 z-20 sm:right-auto sm:w-80">{search}</div>
      <Sheet state={sheet} onState={setSheet} panelId={panelId}>
        {panel}
      </Sheet>
      <section
        aria-label="Map of signatures by constituency"
        className="relative min-h-0 flex-1 max-sm:mb-[var(--sheet-peek)]"
      >
        {map}
      </section>
    </div>
  );
}

function Sheet({
  state,
  onState,
  panelId,
  children,
}: {
  state: SheetState;
  onState: (state: SheetState) => void;
  panelId: string;
  children: React.ReactNode;
}) {
  const sheetRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);
  // Set when a drag ends, so the click that follows the pointer's release does nothing more.
  const dragged = useRef(false);
  const [dragHeight, setDragHeight] = useState<number | null>(null);
  const step = (by: number) => {
    const index = STATES.indexOf(state) + by;
    const next = STATES[Math.max(0, Math.min(STATES.length - 1, index))];
    if (next) onState(next);
  };

  // Escape from a full sheet brings the map back (the seat panel's own Escape clears the selection).
  useEffect(() => {
    if (state !== "full") return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onState("half");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [state, onState]);

  return (
    <div
      ref={sheetRef}
      role="region"
      aria-label="Seat, colours and focus"
      data-state={state}
      style={dragHeight === null ? undefined : { height: dragHeight, transition: "none" }}
      className="atlas-sheet z-30 flex flex-col bg-white sm:order-last max-sm:absolute max-sm:inset-x-0 max-sm:bottom-0 max-sm:rounded-t-xl max-sm:border max-sm:border-slate-200 max-sm:shadow-[0_-4px_16px_rgba(0,0,0,0.15)] sm:w-60 sm:shrink-0 sm:border-l sm:border-slate-200 md:w-64 lg:w-80 xl:w-[22rem]"
    >
      <button
        type="button"
        aria-controls={panelId}
        aria-expanded={state !== "peek"}
        aria-label={`Seat details and map options: ${LABELS[state]}. Press to ${state === "full" ? "collapse" : "expand"}; arrow keys up and down resize.`}
        onClick={() => {
          if (dragged.current) {
            dragged.current = false;
            return;
          }
          onState(state === "full" ? "peek" : state === "peek" ? "half" : "full");
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowUp") step(1);
          else if (event.key === "ArrowDown") step(-1);
          else return;
          event.preventDefault();
        }}
        onPointerDown={(event) => {
          const sheet = sheetRef.current;
          if (!sheet) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          drag.current = { startY: event.clientY, startHeight: sheet.getBoundingClientRect().height };
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (!start || Math.abs(start.startY - event.clientY) < 4) return;
          setDragHeight(Math.max(48, start.startHeight + start.startY - event.clientY));
        }}
        onPointerUp={(event) => {
          const start = drag.current;
          const stage = sheetRef.current?.parentElement;
          if (start && stage && dragHeight !== null) {
            // Settle on the state nearest to where the finger let go.
            const share = (start.startHeight + start.startY - event.clientY) / stage.clientHeight;
            onState(share < 0.3 ? "peek" : share < 0.75 ? "half" : "full");
            dragged.current = true;
          }
          drag.current = null;
          setDragHeight(null);
        }}
        className="flex h-6 w-full shrink-0 touch-none items-center justify-center sm:hidden"
      >
        <span aria-hidden="true" className="h-1.5 w-10 rounded-full bg-slate-300" />
      </button>
      <div id={panelId} className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 pb-4 sm:pt-4">
        {children}
      </div>
    </div>
  );
}
