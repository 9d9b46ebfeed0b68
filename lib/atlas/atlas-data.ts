import "server-only";
import type { AtlasData } from "@/components/atlas/atlas-context";
import { getGeoManifest } from "@/lib/seats";
import type { MapView } from "@/lib/view-state";
import { hexSvgFor } from "./hex-layout";
import type { PetitionView } from "./load";

/** What the page sends to its interactive leaves, the same for the full page and the embed. */
export function atlasDataFor(view: PetitionView, pathname: string, mapView: MapView): AtlasData {
  const { load, joined, scales } = view;
  const manifest = getGeoManifest(joined.set);
  return {
    petitionId: load.petition.id,
    pathname,
    set: joined.set,
    rows: joined.rows,
    national: joined.national,
    scales,
    signatureCount: load.petition.signatureCount,
    asOf: load.asOf,
    stale: load.stale,
    live: load.petition.state === "open" && load.source !== "embedded",
    geometry: {
      topology: manifest.topology,
      sprite: manifest.sprite,
      hex: manifest.hex,
      bounds: manifest.bounds,
    },
    viewBox: manifest.viewBox,
    hexSvg: mapView === "hex" ? hexSvgFor(joined.set) : null,
  };
}
