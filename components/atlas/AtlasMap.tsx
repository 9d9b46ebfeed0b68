import type { JoinedPetition } from "@/lib/join/types";
import { initialSvgFrame } from "@/lib/geo/svg-camera";
import type { ViewState } from "@/lib/view-state";
import { ViewMap } from "./ViewMap";

/**
 * The map as the full page and the embed both show it, with its SVG already framed where the request's URL points,
 * in CSS that fits any screen (the browser cannot be measured on the server).
 */
export function AtlasMap({
  label,
  joined,
  viewState,
  coverBottom,
}: {
  label: string;
  joined: JoinedPetition;
  viewState: ViewState;
  /** What covers the map's bottom edge (PetitionMap's coverBottom). */
  coverBottom?: string;
}) {
  const initialFrame = initialSvgFrame(joined.set, viewState, joined.rows);
  // A new boundary set is a new drawing, with its own seat paths.
  return <ViewMap key={joined.set} label={label} initialFrame={initialFrame} coverBottom={coverBottom} />;
}
