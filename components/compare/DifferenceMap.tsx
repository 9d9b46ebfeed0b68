import "server-only";
import type { Comparison } from "@/lib/compare/compare";
import {
  DIFFERENCE_TEXT,
  DOMAIN_COVERAGE,
  differenceColour,
  differenceStops,
  differenceWords,
} from "@/lib/compare/difference";
import { seatPathsOf } from "@/lib/geo/seat-paths-file";
import { seatLinksMarkup } from "@/lib/map/seat-markup";
import { seatPagePath } from "@/lib/seat-page/links";
import { getGeoManifest } from "@/lib/seats";
import { ZERO_COLOUR } from "@/lib/scale/scale";
import type { BoundarySet } from "@/lib/seats/types";

/** Points along the scale (in half-widths) that the legend's colour bar passes through. */
const GRADIENT = Array.from({ length: 11 }, (_, index) => index / 5 - 1);

/**
 * The difference map: the map's own seat markup and seat paths, each seat coloured by the comparison's measure on a
 * diverging scale centred on 0, with a legend naming the measure and how its range was chosen.
 */
export function DifferenceMap({ set, comparison }: { set: BoundarySet; comparison: Comparison }) {
  const { seats, measure, halfWidth } = comparison;
  const paths = seatPathsOf(set);
  const stops = differenceStops(halfWidth);
  const markup = seatLinksMarkup(
    seats.flatMap((seat) => {
      const d = paths.get(seat.code);
      return d
        ? [
            {
              code: seat.code,
              name: seat.name,
              href: seatPagePath(seat.code, set),
              fill: differenceColour(seat.difference, halfWidth),
              d,
            },
          ]
        : [];
    }),
  );
  return (
    <figure
      className="space-y-2"
      data-testid="difference-map"
      data-measure={measure}
      data-half-width={halfWidth}
    >
      <svg
        viewBox={getGeoManifest(set).viewBox.join(" ")}
        role="group"
        aria-label={`Map of the ${seats.length} seats coloured by ${DIFFERENCE_TEXT[measure].title}`}
        className="h-[60vh] min-h-[320px] w-full rounded border border-slate-200 bg-slate-50"
      >
        <g stroke="#ffffff" strokeWidth={0.3} dangerouslySetInnerHTML={{ __html: markup }} />
      </svg>
      <figcaption className="space-y-1 text-xs text-slate-700">
        <p className="font-semibold">{DIFFERENCE_TEXT[measure].title}</p>
        <div
          aria-hidden="true"
          className="h-3 w-full max-w-md rounded-sm"
          style={{
            background: `linear-gradient(to right, ${GRADIENT.map((t) => differenceColour(t, 1)).join(", ")})`,
          }}
        />
        <ol className="flex w-full max-w-md justify-between" aria-label="Legend">
          {stops.map((stop) => (
            <li key={stop.value} className="tabular-nums">
              {stop.label}
            </li>
          ))}
        </ol>
        <p className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className="inline-block h-3 w-3 rounded-sm"
            style={{ backgroundColor: ZERO_COLOUR }}
          />
          no ratio (no signatures to one of them)
        </p>
        <p>
          The scale is symmetric around equal and runs {halfWidth} doublings each way, from{" "}
          {differenceWords(-halfWidth)} to {differenceWords(halfWidth)}: the smallest even number of doublings
          that holds {Math.round(DOMAIN_COVERAGE * 100)}% of the seats with a ratio, so when one petition is
          far larger the seats still differ in colour. Seats beyond it take the end colours.
        </p>
      </figcaption>
    </figure>
  );
}
