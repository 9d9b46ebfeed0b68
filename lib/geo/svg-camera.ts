import "server-only";
import { cameraSeats, seatsFrame, type SvgFrame } from "@/lib/geo/camera";
import { hexBoxesOf } from "@/lib/geo/hex-file";
import { unionBounds } from "@/lib/geo/seats-topology";
import type { SeatRow } from "@/lib/join/types";
import type { BoundarySet } from "@/lib/seats/types";
import { seatBoxesOf } from "@/lib/geo/seat-paths-file";
import type { ViewState } from "@/lib/view-state";

/**
 * Where the server-rendered SVG map (geographic or hex) looks for this view, in any map box, as MapLibre's camera
 * will: the selected seat or focused region; null shows every seat. A shared camera (`at`) is framed in the browser
 * (serverViewState).
 */
export function initialSvgFrame(
  set: BoundarySet,
  view: Pick<ViewState, "area" | "region" | "mapKind">,
  rows: readonly SeatRow[],
): SvgFrame | null {
  const codes = cameraSeats(view, rows);
  if (!codes) return null;
  const boxes = view.mapKind === "hex" ? hexBoxesOf(set) : seatBoxesOf(set);
  const box = unionBounds(codes.map((code) => boxes.get(code)).filter((seatBox) => seatBox !== undefined));
  return box ? seatsFrame(box) : null;
}
