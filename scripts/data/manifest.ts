import { readFileSync } from "node:fs";
import { bbox } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { MERCATOR_SCALE } from "@/lib/seats/mercator";
import { BOUNDARY_SETS, type BoundarySet, type GeoManifestEntry, type HexLayout } from "@/lib/seats/types";
import { TOPOLOGY_OBJECT } from "./geometry";
import { findHashed, gzipBytes, writeJson } from "./output";
import { dataOut, publicOut } from "./paths";

/** The one current hashed file for a stem, as a public URL path and its text. */
function currentFile(stem: string, ext: string): { url: string; text: string } {
  const names = findHashed(publicOut("geo"), stem, ext);
  if (names.length !== 1) throw new Error(`Expected one ${stem}.*.${ext} in public/geo, found ${names.length}`);
  return { url: `/geo/${names[0]}`, text: readFileSync(publicOut("geo", names[0]!), "utf8") };
}

const sameCodes = (a: string[], b: string[]) => a.length === b.length && a.every((code, i) => code === b[i]);

/** Outward rounding to 4 decimals (≈10 m), so the bounds always contain every seat. */
const outward = (value: number, up: boolean) => (up ? Math.ceil(value * 1e4) : Math.floor(value * 1e4)) / 1e4;

/** One set's manifest entry, checking that topology, seat paths, hex layout and metadata have the same codes. */
export function manifestEntry(set: BoundarySet): GeoManifestEntry {
  const topology = currentFile(`pcon-${set}`, "topo.json");
  const overview = currentFile(`pcon-${set}-overview`, "topo.json");
  const seatPaths = currentFile(`pcon-${set}`, "svg");
  const hex = currentFile(`hex-${set}`, "json");
  const parsed = JSON.parse(topology.text) as Topology;
  const seats = parsed.objects[TOPOLOGY_OBJECT] as GeometryCollection;
  const codeLists = {
    topology: seats.geometries.map((geometry) => String(geometry.id)).sort(),
    overview: ((JSON.parse(overview.text) as Topology).objects[TOPOLOGY_OBJECT] as GeometryCollection).geometries
      .map((geometry) => String(geometry.id))
      .sort(),
    seatPaths: [...seatPaths.text.matchAll(/<path id="([^"]+)"/g)].map((match) => match[1]!).sort(),
    hex: Object.keys((JSON.parse(hex.text) as HexLayout).hexes).sort(),
    metadata: (JSON.parse(readFileSync(dataOut(`seats-${set}.json`), "utf8")) as { code: string }[])
      .map((seat) => seat.code)
      .sort(),
  };
  for (const [what, codes] of Object.entries(codeLists)) {
    if (codes.length !== 650 || !sameCodes(codes, codeLists.topology)) {
      throw new Error(`${set}: ${what} has ${codes.length} codes, not the topology's 650`);
    }
  }
  const [west, south, east, north] = bbox(parsed);
  const viewBox = seatPaths.text.match(/viewBox="([^"]+)"/)?.[1]?.split(" ").map(Number);
  if (viewBox?.length !== 4) throw new Error(`${set}: seat paths have no viewBox`);
  return {
    topology: topology.url,
    overview: overview.url,
    seatPaths: seatPaths.url,
    hex: hex.url,
    bounds: [outward(west, false), outward(south, false), outward(east, true), outward(north, true)],
    viewBox: viewBox as GeoManifestEntry["viewBox"],
    mercatorScale: MERCATOR_SCALE,
    gzipBytes: {
      topology: gzipBytes(topology.text),
      overview: gzipBytes(overview.text), seatPaths: gzipBytes(seatPaths.text), hex: gzipBytes(hex.text) },
  };
}

export async function buildGeoManifest(): Promise<void> {
  writeJson(dataOut("geo-manifest.json"), Object.fromEntries(BOUNDARY_SETS.map((set) => [set, manifestEntry(set)])));
}
