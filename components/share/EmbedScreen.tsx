import { AreaPanel } from "@/components/atlas/AreaPanel";
import { AtlasProvider } from "@/components/atlas/atlas-context";
import { Legend } from "@/components/atlas/Legend";
import { AtlasMap } from "@/components/atlas/AtlasMap";
import { Attribution } from "@/components/petition/Attribution";
import { atlasPayloadFor } from "@/lib/load/atlas-payload";
import type { LoadedPetition } from "@/lib/load/petition";
import { formatCount } from "@/lib/format";
import { embedPath } from "@/lib/share/links";
import type { ViewState } from "@/lib/view-state";
import { FullViewLink } from "./FullViewLink";

/** The map for other sites' pages: title, map with legend and seat panel, credits and a way to the full view. */
export function EmbedScreen({
  loaded,
  viewState,
}: {
  loaded: LoadedPetition;
  /** The view the request's URL asks for. */
  viewState: ViewState;
}) {
  const { load, joined } = loaded;
  const { petition } = load;
  // Clicks change the embed's own URL, so the frame never turns into the full site.
  const atlas = atlasPayloadFor(loaded, embedPath(petition.id), viewState.mapKind);
  const mapLabel = `Map of the ${joined.rows.length} Westminster constituencies coloured by signatures to the petition "${petition.action}".`;

  return (
    <div data-embed-root className="flex min-h-screen flex-col gap-2 p-3">
      <header>
        <h1 className="text-base font-semibold text-balance">{petition.action}</h1>
        <p className="text-sm text-slate-700">
          <strong className="tabular-nums">{formatCount(petition.signatureCount)}</strong> signatures
        </p>
      </header>
      <AtlasProvider value={atlas} view={viewState}>
        <div className="grid flex-1 gap-3 sm:grid-cols-[minmax(0,1fr)_15rem]">
          <div className="h-[60vh] min-h-[280px] overflow-hidden rounded border border-slate-200 sm:h-auto">
            <AtlasMap label={mapLabel} joined={joined} viewState={viewState} />
          </div>
          <aside className="space-y-3 text-sm">
            <AreaPanel />
            <Legend />
          </aside>
        </div>
        <footer className="space-y-1 text-xs">
          <FullViewLink petitionId={petition.id} />
          <Attribution petitionId={petition.id} set={joined.set} />
        </footer>
      </AtlasProvider>
    </div>
  );
}
