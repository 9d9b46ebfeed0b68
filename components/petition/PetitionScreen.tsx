import { Suspense } from "react";
import { AreaPanel } from "@/components/atlas/AreaPanel";
import { AtlasProvider } from "@/components/atlas/atlas-context";
import { Legend } from "@/components/atlas/Legend";
import { LiveStatus } from "@/components/atlas/LiveStatus";
import { SeatSearch } from "@/components/atlas/SeatSearch";
import { SelectionAnnouncer } from "@/components/atlas/SelectionAnnouncer";
import { SeatTable } from "@/components/atlas/SeatTable";
import { ViewControls } from "@/components/atlas/ViewControls";
import { AtlasMap } from "@/components/atlas/AtlasMap";
import { HistorySection } from "@/components/history/HistorySection";
import { ShareControls } from "@/components/share/ShareControls";
import { CompareForm } from "@/components/compare/CompareForm";
import { atlasPayloadFor } from "@/lib/load/atlas-payload";
import type { LoadedPetition } from "@/lib/load/petition";
import type { ViewState } from "@/lib/view-state";
import { Attribution } from "./Attribution";
import { PetitionDetails } from "./PetitionDetails";
import { PetitionHeader } from "./PetitionHeader";

/** A petition's whole page body: header, map with legend and seat panel, table, details. */
export function PetitionScreen({
  loaded,
  pathname,
  viewState,
}: {
  loaded: LoadedPetition;
  pathname: string;
  /** The view the request's URL asks for. */
  viewState: ViewState;
}) {
  const { load, joined } = loaded;
  const atlas = atlasPayloadFor(loaded, pathname, viewState.mapKind);
  const mapLabel = `Map of the ${joined.rows.length} Westminster constituencies (${joined.set} boundaries) coloured by signatures. Click a seat for its figures; with the keyboard, arrow keys pan and + and − zoom, and the table of seats below lists and selects every seat.`;

  return (
    <div className="mx-auto max-w-7xl space-y-4 px-4 py-4">
      <PetitionHeader load={load} national={joined.national} />
      <AtlasProvider value={atlas} view={viewState}>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <section aria-label="Map of signatures by constituency" className="space-y-2">
            <LiveStatus />
            <SeatSearch />
            <div className="h-[55vh] min-h-[320px] overflow-hidden rounded-lg border border-slate-200 lg:h-[70vh]">
              <AtlasMap label={mapLabel} joined={joined} viewState={viewState} />
            </div>
            {!loaded.hasBreakdown && (
              <p className="text-sm text-slate-700">
                This petition has no signatures by constituency, so the map is not coloured.
              </p>
            )}
            <ShareControls title={load.petition.action} />
            <CompareForm petitionId={load.petition.id} />
            <Attribution petitionId={load.petition.id} set={joined.set} />
          </section>
          <aside className="space-y-4">
            <SelectionAnnouncer />
            <AreaPanel />
            <ViewControls />
            <Legend />
            {/* The history is read from its database: the map and table need not wait for it. */}
            <Suspense fallback={<p className="text-sm text-slate-600">Loading the signature history…</p>}>
              <HistorySection load={load} />
            </Suspense>
          </aside>
        </div>
        {loaded.hasBreakdown && <SeatTable />}
      </AtlasProvider>
      <PetitionDetails petition={load.petition} />
    </div>
  );
}
