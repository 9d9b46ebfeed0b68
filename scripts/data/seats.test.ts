import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getParties, getSeats, seatByCode } from "@/lib/seats";
import { BOUNDARY_SETS } from "@/lib/seats/types";
import { dataOut } from "./paths";
import { partiesUsed } from "./parties";
import {
  boundaryNames,
  buildSeats2010,
  buildSeats2024,
  parseCount,
  partyTable,
  readCurrentMps,
} from "./seats";

/** Scottish seats unchanged in 2024 that kept their 2010-set codes (shared/data/SOURCES.md). */
const SHARED_SCOTTISH = ["S14000021", "S14000027", "S14000045", "S14000048", "S14000051"];

const committed = (file: string): unknown => JSON.parse(readFileSync(dataOut(file), "utf8"));

describe("seat metadata", () => {
  const currentMps = readCurrentMps();
  const parties = partyTable(currentMps);
  const built = {
    "2010": buildSeats2010(boundaryNames("2010"), currentMps, parties),
    "2024": buildSeats2024(boundaryNames("2024"), currentMps, parties),
  };

  it.each(BOUNDARY_SETS)("%s is rebuilt identically from the raw inputs (deterministic, up to date)", (set) => {
    expect(built[set]).toEqual(committed(`seats-${set}.json`));
    expect(buildSeats2010(boundaryNames("2010"), currentMps, parties)).toEqual(built["2010"]);
  });

  it.each(BOUNDARY_SETS)("%s has 650 seats sorted by code, two MP records each", (set) => {
    const codes = getSeats(set).map((seat) => seat.code);
    expect(codes).toHaveLength(650);
    expect(codes).toEqual([...new Set(codes)].sort());
    for (const seat of getSeats(set)) expect(seat.mps).toHaveLength(2);
  });

  it("keeps ONS spellings", () => {
    expect(seatByCode("2010", "W07000041")?.name).toBe("Ynys Môn");
    expect(seatByCode("2024", "W07000112")?.name).toBe("Ynys Môn");
  });

  it("has the five unchanged Scottish codes in both sets, with the same names", () => {
    for (const code of SHARED_SCOTTISH) {
      expect(seatByCode("2010", code)?.name).toBeDefined();
      expect(seatByCode("2024", code)?.name).toBe(seatByCode("2010", code)?.name);
    }
    const codes2010 = new Set(getSeats("2010").map((seat) => seat.code));
    expect(getSeats("2024").filter((seat) => codes2010.has(seat.code)).map((seat) => seat.code)).toEqual(
      SHARED_SCOTTISH,
    );
  });

  it("gives every MP record a party listed in parties.json with a #rrggbb colour", () => {
    const table = getParties();
    const records = BOUNDARY_SETS.flatMap((set) => getSeats(set).flatMap((seat) => seat.mps));
    for (const record of records) {
      expect(table[record.party]).toEqual({ name: record.partyName, colour: record.colour });
      expect(record.colour).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(partiesUsed(records)).toEqual(committed("parties.json"));
  });

  it("keeps both 2010-set records when the same MP changed party", () => {
    const leicesterEast = getSeats("2010").find((seat) => seat.name === "Leicester East");
    expect(leicesterEast?.mps.map((mp) => [mp.role, mp.name, mp.party])).toEqual([
      ["elected-2019", "Claudia Webbe", "Lab"],
      ["at-dissolution-2024", "Claudia Webbe", "Ind"],
    ]);
  });

  it("takes the current MP, party and ids from the current-MPs file", () => {
    for (const row of currentMps) {
      const current = seatByCode("2024", row.PCON24CD!)?.mps.at(-1);
      expect(current).toMatchObject({ role: "current", name: row.MP, memberId: Number(row.ID) });
      expect(current?.twfyId).toBe(Number(row["TheyWorkForYou ID"]));
    }
  });

  it("uses region and electorate sources by set", () => {
    expect(new Set(getSeats("2010").map((seat) => seat.electorateSource))).toEqual(
      new Set(["Electoral registrations December 2022"]),
    );
    expect(seatByCode("2024", "S14000027")).toMatchObject({ nation: "Scotland", regionCode: "S92000003" });
    expect(seatByCode("2010", "N06000001")).toMatchObject({ nation: "Northern Ireland", region: "Northern Ireland" });
  });

  it.each([
    ["72,580", 72580],
    ["915", 915],
  ])("parses the count %s", (text, value) => {
    expect(parseCount(text)).toBe(value);
  });

  it.each(["", "0", "-3", "1.5", "n/a"])("rejects the count %j", (text) => {
    expect(() => parseCount(text)).toThrow();
  });
});
