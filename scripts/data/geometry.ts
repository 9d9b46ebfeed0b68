import { readFileSync } from "node:fs";
import mapshaper from "mapshaper";
import type { GeometryCollection, Topology } from "topojson-specification";
import { MERCATOR_SCALE } from "@/lib/seats/mercator";
import type { BoundarySet } from "@/lib/seats/types";
import { writeHashed } from "./output";
import { publicOut, sharedData } from "./paths";
import { topologyToSeatPaths } from "./seat-paths";

/** The boundary file of each set and the property holding its ONS code. */
export const BOUNDARY_SOURCES: Record<BoundarySet, { file: string; codeField: string; nameField: string }> = {
  "2010": { file: "boundaries/pcon_2010set_dec2022_uk_buc.geojson", codeField: "PCON22CD", nameField: "PCON22NM" },
  "2024": { file: "boundaries/pcon_2024set_jul2024_uk_buc.geojson", codeField: "PCON24CD", nameField: "PCON24NM" },
};

export const TOPOLOGY_OBJECT = "seats";

/**
 * Simplification settings (design choices, see data/SOURCES.md): islands under 1 km² go first; every remaining
 * part of a seat is protected from collapsing (explode, keep-shapes, dissolve back) while Visvalingam removes
 * detail below the interval; 1e5 quantization steps ≈ 10 m across the UK.
 */
const MIN_ISLAND = "1km2";
const SIMPLIFY_INTERVAL_METRES = 400;
const QUANTIZATION = 100000;
/**
 * The whole-UK view's boundaries, MapLibre's first source: at that zoom a pixel is over a kilometre, so this coarser
 * simplification draws the same map from half the vertices for its worker to tile (docs/decisions/0060-maplibre-geometry.md).
 */
export const OVERVIEW_INTERVAL_METRES = 1500;

/** GeoJSON boundaries → TopoJSON text with one object "seats", ids and `properties.code` = ONS code. */
export async function simplifyBoundaries(
  geojson: string,
  codeField: string,
  intervalMetres = SIMPLIFY_INTERVAL_METRES,
): Promise<string> {
  const commands = [
    `-i in.json name=${TOPOLOGY_OBJECT}`,
    `-filter-fields ${codeField}`,
    `-rename-fields code=${codeField}`,
    `-filter-islands min-area=${MIN_ISLAND}`,
    "-explode",
    `-simplify interval=${intervalMetres} keep-shapes`,
    "-dissolve code",
    "-sort code",
    `-o out.json format=topojson quantization=${QUANTIZATION} id-field=code`,
  ].join(" ");
  const output = await mapshaper.applyCommands(`${commands} -quiet`, { "in.json": geojson });
  const topojson = output["out.json"];
  if (topojson === undefined) throw new Error("mapshaper wrote no TopoJSON");
  return typeof topojson === "string" ? topojson : Buffer.from(topojson).toString("utf8");
}

/** Fails unless the topology has exactly the expected seats, each a polygon with only its code as property. */
export function checkTopology(topology: Topology, expectedCodes: readonly string[]): void {
  const names = Object.keys(topology.objects);
  if (names.length !== 1 || names[0] !== TOPOLOGY_OBJECT) throw new Error(`Unexpected objects: ${names}`);
  const seats = topology.objects[TOPOLOGY_OBJECT] as GeometryCollection<{ code: string }>;
  const codes = seats.geometries.map((geometry) => {
    if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") {
      throw new Error(`Seat ${String(geometry.id)} lost its polygon (${geometry.type})`);
    }
    const keys = Object.keys(geometry.properties ?? {});
    if (geometry.id !== geometry.properties?.code || keys.length !== 1) {
      throw new Error(`Seat ${String(geometry.id)} has properties ${JSON.stringify(geometry.properties)}`);
    }
    return geometry.id;
  });
  const expected = [...expectedCodes].sort();
  if (codes.length !== expected.length || codes.some((code, i) => code !== expected[i])) {
    throw new Error(`Topology codes differ from the source's ${expected.length} codes`);
  }
}

/** The ONS codes of a GeoJSON boundary file, sorted. */
export function boundaryCodes(geojson: string, codeField: string): string[] {
  const collection = JSON.parse(geojson) as { features: { properties: Record<string, string> }[] };
  return collection.features.map((f) => f.properties[codeField] ?? "").sort();
}

export async function buildGeometry(): Promise<void> {
  for (const [set, source] of Object.entries(BOUNDARY_SOURCES)) {
    const geojson = readFileSync(sharedData(source.file), "utf8");
    const topojson = await simplifyBoundaries(geojson, source.codeField);
    const topology = JSON.parse(topojson) as Topology;
    checkTopology(topology, boundaryCodes(geojson, source.codeField));
    writeHashed(publicOut("geo"), `pcon-${set}`, "topo.json", topojson);
    const overview = await simplifyBoundaries(geojson, source.codeField, OVERVIEW_INTERVAL_METRES);
    checkTopology(JSON.parse(overview) as Topology, boundaryCodes(geojson, source.codeField));
    writeHashed(publicOut("geo"), `pcon-${set}-overview`, "topo.json", overview);
    const seatPaths = topologyToSeatPaths(topology, TOPOLOGY_OBJECT, MERCATOR_SCALE);
    writeHashed(publicOut("geo"), `pcon-${set}`, "svg", seatPaths.svg);
  }
}
