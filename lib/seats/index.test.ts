import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getGeoManifest, getParties, getSeats, seatByCode } from "./index";
import { BOUNDARY_SETS } from "./types";

const colour = z.string().regex(/^#[0-9a-f]{6}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const mpRecord = z.strictObject({
  name: z.string().min(3),
  role: z.enum(["elected-2019", "at-dissolution-2024", "elected-2024", "current"]),
  asOf: date,
  party: z.string().min(1),
  partyName: z.string().min(1),
  colour,
  memberId: z.number().int().positive().nullable(),
  twfyId: z.number().int().positive().nullable(),
});
const seatMeta = z.strictObject({
  code: z.string().regex(/^[ESWN]\d{8}$/),
  name: z.string().min(2),
  nation: z.enum(["England", "Scotland", "Wales", "Northern Ireland"]),
  region: z.string().min(2),
  regionCode: z.string().regex(/^(E12|E92|S92|W92|N92)\d{6}$/),
  electorate: z.number().int().min(20000).max(150000),
  electorateSource: z.string().min(5),
  mps: z.array(mpRecord).length(2),
});
const NATION_PREFIX = { England: "E", Scotland: "S", Wales: "W", "Northern Ireland": "N" } as const;

describe.each(BOUNDARY_SETS)("lib/seats for %s", (set) => {
  it("serves records that match the SeatMeta type", () => {
    for (const seat of getSeats(set)) {
      expect(() => seatMeta.parse(seat)).not.toThrow();
      expect(seat.code.startsWith(NATION_PREFIX[seat.nation])).toBe(true);
      expect(seat.regionCode.charAt(0)).toBe(NATION_PREFIX[seat.nation]);
    }
  });

  it("finds seats by code", () => {
    const first = getSeats(set)[0]!;
    expect(seatByCode(set, first.code)).toBe(first);
    expect(seatByCode(set, "E99999999")).toBeUndefined();
  });

  it("points the manifest at files that exist in public/", () => {
    const manifest = getGeoManifest(set);
    for (const url of [manifest.topology, manifest.seatPaths, manifest.hex]) {
      expect(url).toMatch(new RegExp(`^/geo/(pcon|hex)-${set}\\.[0-9a-f]{8}\\.`));
      expect(existsSync(fileURLToPath(new URL(`../../public${url}`, import.meta.url)))).toBe(true);
    }
    const [west, south, east, north] = manifest.bounds;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
  });
});

describe("getParties", () => {
  it("lists name and colour per party code", () => {
    for (const party of Object.values(getParties())) {
      expect(() => z.strictObject({ name: z.string().min(2), colour }).parse(party)).not.toThrow();
    }
  });
});
