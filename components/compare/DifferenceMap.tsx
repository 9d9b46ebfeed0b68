import "server-only";
import type { ComparedSeat } from "@/lib/compare/compare";
import { RATIO_SCALE, ratioColour } from "@/lib/compare/compare";
import { seatPathsOf } from "@/lib/geo/seat-paths-file";
import { seatLinksMarkup } from "@/lib/map/seat-markup";
import { seatPagePath } from "@/lib/seat-page/links";
import { getGeoManifest } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";

const LEGEND = ["B ≥ 2×", "B 1.4–2×", "B 1.1–1.4×", "about the same", "A 1.1–1.4×", "A 1.4–2×", "A ≥ 2×"];

/** The difference map: the map's own seat markup and seat paths, each seat coloured by how far it leans to A or B. */
export function DifferenceMap({
  set,
  seats,
  label,
}: {
  set: BoundarySet;
  seats: readonly ComparedSeat[];
  label: string;
}) {
  const paths = seatPathsOf(set);
  const markup = seatLinksMarkup(
    seats.flatMap((seat) => {
      const d = paths.get(seat.code);
      return d
        ? [
            {
              code: seat.code,
              name: seat.name,
              href: seatPagePath(seat.code, set),
              fill: ratioColour(seat.logRatio),
              d,
            },
          ]
        : [];
    }),
  );
  return (
    <figure className="space-y-2">
      <svg
        viewBox={getGeoManifest(set).viewBox.join(" ")}
        role="group"
        aria-label={label}
        className="h-[60vh] min-h-[320px] w-full rounded border border-slate-200 bg-slate-50"
      >
        <g stroke="#ffffff" strokeWidth={0.3} dangerouslySetInnerHTML={{ __html: markup }} />
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700" aria-label="Legend">
          {RATIO_SCALE.colours.map((colour, index) => (
            <li key={colour} className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-3 rounded-sm"
                style={{ backgroundColor: colour }}
              />
              {LEGEND[index]}
            </li>
          ))}
          <li className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-3 w-3 rounded-sm"
              style={{ backgroundColor: RATIO_SCALE.zeroColour }}
            />
            no ratio (no signatures to one of them)
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
