import { describe, expect, it } from "vitest";
import { seatByCode } from "@/lib/seats";
import { lookupPostcode, type PostcodeFound } from "./index";

async function found(raw: string): Promise<PostcodeFound> {
  const result = await lookupPostcode(raw);
  if (result.kind !== "found") throw new Error(`${raw}: expected found, got ${JSON.stringify(result)}`);
  return result;
}

describe("lookupPostcode", () => {
  it("answers SW1A 1AA with both sets' Cities of London and Westminster", async () => {
    const result = await found("SW1A 1AA");
    expect(result.postcode).toBe("SW1A 1AA");
    expect(result.sets["2010"].code).toBe("E14000639");
    expect(result.sets["2024"]?.code).toBe("E14001172");
    expect(result.sets["2010"].name).toBe(seatByCode("2010", "E14000639")?.name);
    expect(result.sets["2024"]?.name).toBe(seatByCode("2024", "E14001172")?.name);
    expect(result.location?.lat).toBeCloseTo(51.501, 2);
    expect(result.location?.lng).toBeCloseTo(-0.1416, 2);
  });

  it.each(["sw1a1aa", " SW1A  1AA ", "Sw1A 1aA"])("treats %j like SW1A 1AA", async (raw) => {
    expect(await lookupPostcode(raw)).toEqual(await lookupPostcode("SW1A 1AA"));
  });

  it.each([
    ["LS1 1UR", "E14000777"],
    ["BT1 1AA", "N06000002"],
    ["CF10 1EP", "W07000050"],
    ["ZE1 0AA", "S14000051"],
  ])("puts %s in 2010-set seat %s", async (raw, code) => {
    expect((await found(raw)).sets["2010"].code).toBe(code);
  });

  it("answers terminated postcodes, including Newport's old NPT area", async () => {
    // AB1 was split into AB10–AB16 in the 1990s; NPT was replaced by NP.
    const aberdeen = await found("AB1 0AA");
    expect(aberdeen.sets["2010"].code).toMatch(/^S14/);
    expect(aberdeen.location?.lat).toBeGreaterThan(57);
    expect((await found("NPT 0AD")).sets["2010"].code).toMatch(/^W07/);
  });

  it("gives near-boundary alternatives that are other real 2024 seats", async () => {
    for (const raw of ["BT1 1AA", "CF10 1EP", "SW1A 1AA", "LS1 1UR"]) {
      const seat = (await found(raw)).sets["2024"]!;
      expect(seat.nearBoundary).toBe(seat.alternatives.length > 0);
      for (const alternative of seat.alternatives) {
        expect(alternative.code).not.toBe(seat.code);
        expect(alternative.name).toBe(seatByCode("2024", alternative.code)?.name);
      }
    }
  });

  it("says the 2010 seat of a postcode in the ONSPD lookup is exact, and every 2024 seat estimated", async () => {
    const { sets } = await found("SW1A 1AA");
    expect(sets["2010"]).toMatchObject({ placement: "exact", nearBoundary: false, alternatives: [] });
    expect(sets["2024"]).toMatchObject({ placement: "estimated", nearBoundary: false, alternatives: [] });
  });

  it("offers the neighbouring 2024 seat for a postcode near a boundary (CF10 1EP, Cardiff)", async () => {
    expect((await found("CF10 1EP")).sets["2024"]).toMatchObject({
      code: "W07000091",
      placement: "estimated",
      nearBoundary: true,
      alternatives: [{ code: "W07000092", name: "Cardiff West" }],
    });
  });

  it("estimates the 2010 seat of a postcode newer than the ONSPD lookup, with its neighbours", async () => {
    // AB10 1DF is not in ONSPD Feb 2021; its centroid lies near the Aberdeen South / North boundary.
    expect((await found("AB10 1DF")).sets["2010"]).toEqual({
      code: "S14000002",
      name: "Aberdeen South",
      placement: "estimated",
      nearBoundary: true,
      alternatives: [{ code: "S14000001", name: "Aberdeen North" }],
    });
    expect((await found("BD23 1FW")).sets["2010"]).toMatchObject({
      placement: "estimated",
      nearBoundary: false,
    });
  });

  it.each(["", "XYZ", "x".repeat(100), "<script>", "SW1A 1A"])("rejects %j as invalid", async (raw) => {
    const result = await lookupPostcode(raw);
    expect(result.kind).toBe("invalid");
    if (result.kind === "invalid") expect(result.message.length).toBeGreaterThan(10);
  });

  it.each([
    ["JE2 3AB", "Jersey"],
    ["gy1 1aa", "Guernsey"],
    ["IM1 1AA", "Isle of Man"],
  ])("says %s is in %s, a Crown Dependency", async (raw, dependency) => {
    const result = await lookupPostcode(raw);
    expect(result).toMatchObject({ kind: "crown-dependency", dependency });
    if (result.kind === "crown-dependency") expect(result.message).toContain("Crown Dependency");
  });

  it.each(["ZZ1 1ZZ", "SW1A 9ZZ"])("reports well-formed %s as unknown", async (raw) => {
    expect(await lookupPostcode(raw)).toMatchObject({ kind: "unknown", postcode: raw });
  });
});
