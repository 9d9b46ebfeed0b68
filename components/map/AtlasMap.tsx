import type { JoinedPetition } from "@/lib/join/types";
import { initialSvgViewBox } from "@/lib/geo/svg-camera";
import { requestNonce } from "@/lib/security/request-nonce";
import type { ViewState } from "@/lib/view-state";
import { PetitionMap } from "./PetitionMap";
import { SvgChoropleth } from "./SvgChoropleth";

/**
 * The map as the full page and the embed both show it: MapLibre over the server's SVG, which is already framed
 * where the request's URL points.
 */
export async function AtlasMap({
  label,
  joined,
  viewState,
}: {
  label: string;
  joined: JoinedPetition;
  viewState: ViewState;
}) {
  const nonce = await requestNonce();
  const initialViewBox =
    viewState.mapKind === "map" ? initialSvgViewBox(joined.set, viewState, joined.rows) : null;
  return (
    <PetitionMap label={label} nonce={nonce}>
      <SvgChoropleth
        // A new boundary set is a new drawing, with its own seat paths.
        key={joined.set}
        initialView={viewState}
        initialViewBox={initialViewBox}
      />
    </PetitionMap>
  );
}
