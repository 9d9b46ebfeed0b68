import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { seatByCode } from "@/lib/seats";
import { decodeIndex, encodeIndex, NO_LOCATION } from "./codec";
import { INDEX_DIR, META_FILE, type PostcodeIndexMeta } from "./meta";

const dir = path.join(process.cwd(), INDEX_DIR);
const meta = JSON.parse(readFileSync(path.join(dir, META_FILE), "utf8")) as PostcodeIndexMeta;
const bytes = gunzipSync(readFileSync(path.join(dir, meta.file)));
// decodeIndex decodes in place, so it gets a copy and `bytes` stays as on disk.
const data = decodeIndex(new Uint8Array(bytes));

describe("the committed postcode index", () => {
  it("re-encodes to the same bytes", () => {
    expect(Buffer.compare(encodeIndex(data), bytes)).toBe(0);
  });

  it("matches its meta file", () => {
    expect(data.unit.length).toBe(meta.counts.indexed);
    expect(data.sectors.length).toBe(meta.sectors);
    expect(readFileSync(path.join(dir, meta.file)).length).toBe(meta.bytes);
  });

  it("uses 650 seats per set, each with a name in lib/seats", () => {
    for (const [set, codes] of [["2010", data.codes2010] as const, ["2024", data.codes2024] as const]) {
      expect(new Set(codes).size).toBe(650);
      for (const code of codes) expect(seatByCode(set, code)?.name, code).toBeTruthy();
    }
  });

  it("keeps sectors sorted and units ascending within each sector", () => {
    for (let s = 0; s < data.sectors.length; s++) {
      if (s > 0) expect(data.sectors[s - 1]! < data.sectors[s]!).toBe(true);
      for (let row = data.sectorStart[s]! + 1; row < data.sectorStart[s + 1]!; row++) {
        if (data.unit[row - 1]! >= data.unit[row]!)
          throw new Error(`unit order broken in ${data.sectors[s]}`);
      }
    }
  });

  it("places every located postcode inside the UK's extent", () => {
    for (let s = 0; s < data.sectors.length; s++) {
      for (let row = data.sectorStart[s]!; row < data.sectorStart[s + 1]!; row++) {
        if (data.latOffset[row] === NO_LOCATION) continue;
        const lat = (data.sectorLat[s]! + data.latOffset[row]!) / 1e4;
        const lng = (data.sectorLng[s]! + data.lngOffset[row]!) / 1e4;
        if (lat < 49.8 || lat > 61 || lng < -8.7 || lng > 1.8)
          throw new Error(`${data.sectors[s]}: ${lat},${lng}`);
      }
    }
  });
});
