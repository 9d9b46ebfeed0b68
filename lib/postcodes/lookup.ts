import { seatByCode } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { loadPostcodeIndex } from "./load";
import { crownDependencyOf, normalisePostcode, type CrownDependency } from "./normalise";

export interface SeatRef {
  code: string;
  name: string;
}

/** How a seat was found: "exact" from the ONSPD lookup, or "estimated" by point-in-polygon (data/SOURCES.md). */
export type Placement = "exact" | "estimated";

export interface SeatAnswer extends SeatRef {
  placement: Placement;
  /** Estimated, and another seat's boundary lies within NEAR_BOUNDARY_METRES of the postcode's centroid. */
  nearBoundary: boolean;
  /** Those other seats, nearest first: where the postcode may be instead. */
  alternatives: SeatRef[];
}

export interface PostcodeFound {
  kind: "found";
  /** Normalised, e.g. "SW1A 1AA". */
  postcode: string;
  /** Centroid to 4 decimal places; null when the NSPL has no grid reference. */
  location: { lat: number; lng: number } | null;
  sets: {
    "2010": SeatAnswer;
    /** Null when the postcode has no grid reference to place it with. */
    "2024": SeatAnswer | null;
  };
}

export type PostcodeLookup =
  | PostcodeFound
  | { kind: "invalid"; message: string }
  | { kind: "unknown"; postcode: string; message: string }
  | { kind: "crown-dependency"; postcode: string; dependency: CrownDependency; message: string };

const seatRef = (set: BoundarySet, code: string): SeatRef => ({
  code,
  // Every index code has a name (lib/postcodes tests check it); the code is only a last resort.
  name: seatByCode(set, code)?.name ?? code,
});

const seatAnswer = (set: BoundarySet, code: string, placement: Placement, nearby: string[]): SeatAnswer => ({
  ...seatRef(set, code),
  placement,
  nearBoundary: nearby.length > 0,
  alternatives: nearby.map((other) => seatRef(set, other)),
});

/** Answers without the index when the input alone decides: malformed, or a Crown Dependency. */
function answerFromInput(raw: string): PostcodeLookup | string {
  if (raw.trim() === "") return { kind: "invalid", message: "Enter a postcode, for example SW1A 1AA." };
  const postcode = normalisePostcode(raw);
  if (postcode === null) {
    return { kind: "invalid", message: "That is not a UK postcode. Enter one like SW1A 1AA." };
  }
  const dependency = crownDependencyOf(postcode);
  if (dependency !== null) {
    const place = dependency === "Isle of Man" ? "The Isle of Man" : dependency;
    const message = `${place} is a Crown Dependency, not in a UK parliamentary constituency.`;
    return { kind: "crown-dependency", postcode, dependency, message };
  }
  return postcode;
}

/** Both constituencies of a postcode, from the offline index (loaded on first use). */
export async function lookupPostcode(raw: string): Promise<PostcodeLookup> {
  const postcode = answerFromInput(raw);
  if (typeof postcode !== "string") return postcode;
  const { table } = await loadPostcodeIndex();
  const record = table.find(postcode.replace(" ", ""));
  if (record === undefined) {
    const message = `${postcode} is not in the ONS postcode directory (May 2025). Check it, or try a neighbour's postcode.`;
    return { kind: "unknown", postcode, message };
  }
  return {
    kind: "found",
    postcode,
    location: record.location,
    sets: {
      "2010": record.seat2010Estimated
        ? seatAnswer("2010", record.seat2010, "estimated", record.nearby2010)
        : seatAnswer("2010", record.seat2010, "exact", []),
      // There is no 2024 lookup in the sources: every 2024 seat is placed by point-in-polygon.
      "2024":
        record.seat2024 === null ? null : seatAnswer("2024", record.seat2024, "estimated", record.nearby2024),
    },
  };
}
