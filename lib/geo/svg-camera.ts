import "server-only";
import { cameraSeats, cameraViewBox, fitViewBox, type ViewBox } from "@/lib/geo/camera";
import { unionBounds } from "@/lib/geo/seats-topology";
import type { SeatRow } from "@/lib/join/types";
import type { BoundarySet } from "@/lib/seats/types";
import { seatBoxesOf } from "@/lib/geo/seat-paths-file";
import type { ViewState } from "@/lib/view-state";

/**
 * Where the server-rendered SVG map looks for this view, as MapLibre's camera will (for a map of the nominal
 * size): the shared camera, else the selected seat or focused region; null shows every seat.
 */
export function initialSvgViewBox(
  set: BoundarySet,
  view: Pick<ViewState, "area" | "region" | "at">,
  rows: readonly SeatRow[],
): ViewBox | null {
  if (view.at) return cameraViewBox(view.at);
  const codes = cameraSeats(view, rows);
  if (!codes) return null;
  const boxes = seatBoxesOf(set);
  const box = unionBounds(codes.map((code) => boxes.get(code)).filter((seatBox) => seatBox !== undefined));
  return box ? fitViewBox(box) : null;
}
