import { buildGeometry } from "./geometry";
import { buildHexes } from "./hex";
import { buildGeoManifest } from "./manifest";
import { buildPostcodes } from "./postcodes";
import { buildSeatOverlap } from "./seat-overlap";
import { buildSeats } from "./seats";
import { buildSeedPetition } from "./seed";

/** `npm run data` runs these in order; the manifest reads what the steps before it wrote. */
export const steps: { name: string; run: () => Promise<void> }[] = [
  { name: "geometry", run: buildGeometry },
  { name: "hex", run: buildHexes },
  { name: "seats", run: buildSeats },
  { name: "seat-overlap", run: buildSeatOverlap },
  { name: "geo-manifest", run: buildGeoManifest },
  { name: "seed-petition", run: buildSeedPetition },
  { name: "postcodes", run: buildPostcodes },
];
