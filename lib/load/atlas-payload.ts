import "server-only";
import type { AtlasPayload } from "@/lib/map/types";
import { packRows, type PackedRows } from "@/lib/join/packed-rows";
import type { JoinedPetition } from "@/lib/join/types";
import { getGeoManifest } from "@/lib/seats";
import type { MapKind } from "@/lib/view-state";
import { hexSvgFor } from "@/lib/geo/hex-file";
import type { LoadedPetition } from "./petition";

/** What the page sends to its interactive leaves, the same for the full page and the embed. */
export function atlasPayloadFor(loaded: LoadedPetition, pathname: string, mapKind: MapKind): AtlasPayload {
  const { load, joined, scales } = loaded;
  const manifest = getGeoManifest(joined.set);
  return {
    petitionId: load.petition.id,
    pathname,
    set: joined.set,
    packedRows: packedRowsOf(joined),
    national: joined.national,
    scales,
    signatureCount: load.petition.signatureCount,
    asOf: load.asOf,
    stale: load.stale,
    live: load.petition.state === "open" && load.source !== "embedded",
    geometry: {
      topology: manifest.topology,
      overview: manifest.overview,
      seatPaths: manifest.seatPaths,
      hex: manifest.hex,
      bounds: manifest.bounds,
    },
    viewBox: manifest.viewBox,
    hexSvg: mapKind === "hex" ? hexSvgFor(joined.set) : null,
  };
}

/**
 * A loaded petition's join is cached per fetch (lib/load/petition.ts), so its rows are packed once however many
 * pages and API answers show them.
 */
const packedByJoin = new WeakMap<JoinedPetition, PackedRows>();
export function packedRowsOf(joined: JoinedPetition): PackedRows {
  let packed = packedByJoin.get(joined);
  if (!packed) {
    packed = packRows(joined.rows, joined.national.uk);
    packedByJoin.set(joined, packed);
  }
  return packed;
}
