import { readFileSync } from "node:fs";
import type { BoundarySet, HexLayout } from "@/lib/seats/types";
import { writeHashed } from "./output";
import { publicOut, sharedData } from "./paths";

export const HEX_SOURCES: Record<BoundarySet, string> = {
  "2010": "hexjson/constituencies_2010set.hexjson",
  "2024": "hexjson/constituencies_2024set.hexjson",
};

interface HexJson {
  layout?: unknown;
  hexes?: Record<string, { q?: unknown; r?: unknown }>;
}

/** HexJSON → HexLayout, keyed by code (names are ignored: they differ in places, codes do not). */
export function toHexLayout(hexjson: HexJson): HexLayout {
  if (hexjson.layout !== "odd-r") throw new Error(`Unsupported hex layout ${String(hexjson.layout)}`);
  const entries = Object.entries(hexjson.hexes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const taken = new Set<string>();
  const hexes: Record<string, [number, number]> = {};
  for (const [code, { q, r }] of entries) {
    if (!Number.isInteger(q) || !Number.isInteger(r)) throw new Error(`Hex ${code} has no integer q, r`);
    const cell = `${String(q)},${String(r)}`;
    if (taken.has(cell)) throw new Error(`Hex ${code} overlaps another seat at ${cell}`);
    taken.add(cell);
    hexes[code] = [q as number, r as number];
  }
  return { layout: "odd-r", hexes };
}

export function readHexLayout(set: BoundarySet): HexLayout {
  return toHexLayout(JSON.parse(readFileSync(sharedData(HEX_SOURCES[set]), "utf8")) as HexJson);
}

export async function buildHexes(): Promise<void> {
  for (const set of Object.keys(HEX_SOURCES) as BoundarySet[]) {
    writeHashed(publicOut("geo"), `hex-${set}`, "json", `${JSON.stringify(readHexLayout(set))}\n`);
  }
}
