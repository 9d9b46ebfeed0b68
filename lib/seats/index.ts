import geoManifest from "@/data/geo-manifest.json";
import parties from "@/data/parties.json";
import seats2010 from "@/data/seats-2010.json";
import seats2024 from "@/data/seats-2024.json";
import type { BoundarySet, GeoManifestEntry, PartyInfo, SeatMeta } from "./types";

// Typed casts of the build's own output; lib/seats/index.test.ts validates every record against the types.
const SEATS: Record<BoundarySet, readonly SeatMeta[]> = {
  "2010": seats2010 as SeatMeta[],
  "2024": seats2024 as SeatMeta[],
};
const MANIFEST = geoManifest as Record<BoundarySet, GeoManifestEntry>;
const PARTIES = parties as Record<string, PartyInfo>;

const byCode = new Map<BoundarySet, Map<string, SeatMeta>>();

/** All 650 seats of a boundary set, sorted by ONS code. */
export function getSeats(set: BoundarySet): readonly SeatMeta[] {
  return SEATS[set];
}

export function seatByCode(set: BoundarySet, code: string): SeatMeta | undefined {
  let index = byCode.get(set);
  if (!index) {
    index = new Map(SEATS[set].map((seat) => [seat.code, seat]));
    byCode.set(set, index);
  }
  return index.get(code);
}

let codesBySet: Record<BoundarySet, ReadonlySet<string>> | undefined;

/** Each boundary set's ONS codes, for deciding which set a petition's codes belong to. */
export function seatCodesBySet(): Readonly<Record<BoundarySet, ReadonlySet<string>>> {
  const codesOf = (set: BoundarySet) => new Set(SEATS[set].map((seat) => seat.code));
  codesBySet ??= { "2010": codesOf("2010"), "2024": codesOf("2024") };
  return codesBySet;
}

/** Hashed URLs and facts of a set's boundary files (TopoJSON, SVG of seat paths, hex layout). */
export function getGeoManifest(set: BoundarySet): GeoManifestEntry {
  return MANIFEST[set];
}

/** Every party an MP record uses: short code → name and colour. */
export function getParties(): Readonly<Record<string, PartyInfo>> {
  return PARTIES;
}
