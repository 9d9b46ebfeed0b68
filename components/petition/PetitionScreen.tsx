import { AreaPanel } from "@/components/atlas/AreaPanel";
import { AtlasProvider } from "@/components/atlas/atlas-context";
import { Legend } from "@/components/atlas/Legend";
import { LiveStatus } from "@/components/atlas/LiveStatus";
import { SeatSearch } from "@/components/atlas/SeatSearch";
import { SelectionAnnouncer } from "@/components/atlas/SelectionAnnouncer";
import { SeatTable } from "@/components/atlas/SeatTable";
import { ViewControls } from "@/components/atlas/ViewControls";
import { AtlasMap } from "@/components/atlas/AtlasMap";
import { AtlasStage } from "@/components/atlas/AtlasStage";
import { HistorySection } from "@/components/history/HistorySection";
import { ShareControls } from "@/components/share/ShareControls";
import { CompareForm } from "@/components/compare/CompareForm";
import { atlasPayloadFor } from "@/lib/load/atlas-payload";
import type { LoadedPetition } from "@/lib/load/petition";
import type { ViewState } from "@/lib/view-state";
import { Attribution } from "./Attribution";
import { PetitionDetails } from "./PetitionDetails";
import { PetitionHeader, PetitionSource } from "./PetitionHeader";

/**
 * A petition's whole page body: its title bar and the map filling the first screen (the seat panel, colours and
 * focus beside it or in a bottom sheet), then its figures' sources, sharing, history, table and details.
 */
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
    <AtlasProvider value={atlas} view={viewState}>
      {/* The first screen is the map: nothing in it needs scrolling. */}
      <div className="flex h-[calc(100dvh-var(--site-header))] min-h-72 flex-col">
        <PetitionHeader load={load} />
        <AtlasStage
          map={
            <>
              <AtlasMap
                label={mapLabel}
                joined={joined}
                viewState={viewState}
                coverBottom="var(--sheet-cover)"
              />
              {!loaded.hasBreakdown && (
                <p className="absolute inset-x-2 bottom-2 z-10 rounded bg-white/90 px-2 py-1 text-sm text-slate-700">
                  This petition has no signatures by constituency, so the map is not coloured.
                </p>
              )}
            </>
          }
          search={<SeatSearch />}
          panel={
            <>
              <SelectionAnnouncer />
              <AreaPanel />
              <Legend />
              <ViewControls />
            </>
          }
        />
      </div>
      <div className="mx-auto max-w-7xl space-y-6 px-4 py-6">
        <section aria-label="About these figures" className="space-y-2">
          <LiveStatus />
          <PetitionSource load={load} national={joined.national} />
          <ShareControls title={load.petition.action} />
          <CompareForm petitionId={load.petition.id} />
          <Attribution petitionId={load.petition.id} set={joined.set} />
        </section>
        <HistorySection load={load} />
        {loaded.hasBreakdown && <SeatTable />}
        <PetitionDetails petition={load.petition} />
      </div>
    </AtlasProvider>
  );
}
