import { describe, expect, it } from "vitest";
import seedPetition from "@/data/petitions/575833.json";
import { seatByCode } from "./index";
import { personNameTokens, resolveMp, samePersonName, stripHonorifics } from "./mp";
import type { SeatMeta } from "./types";

/** The seed petition's MP strings, by ONS code, as the petitions site wrote them. */
const seedMps = new Map(
  seedPetition.data.attributes.signatures_by_constituency.map((row) => [row.ons_code, row.mp]),
);

const seat2010 = (name: string): SeatMeta => {
  const code = [...seedMps.keys()].find((c) => seatByCode("2010", c)?.name === name);
  const seat = code === undefined ? undefined : seatByCode("2010", code);
  if (!seat) throw new Error(`No 2010 seat ${name}`);
  return seat;
};
const seedMp = (seat: SeatMeta) => seedMps.get(seat.code) ?? null;

describe("resolveMp on the seed petition", () => {
  it("finds Rebecca Long Bailey (Labour) in Salford and Eccles", () => {
    const seat = seat2010("Salford and Eccles");
    const resolved = resolveMp(seat, seedMp(seat));
    expect(resolved.displayName).toBe("Rebecca Long Bailey");
    expect(resolved.records.map((record) => record.partyName)).toEqual(["Labour", "Labour"]);
  });

  it("strips Rt Hon Sir … MP and matches George Howarth in Knowsley", () => {
    const seat = seat2010("Knowsley");
    expect(seedMp(seat)).toBe("Rt Hon Sir George Howarth MP");
    const resolved = resolveMp(seat, seedMp(seat));
    expect(resolved.displayName).toBe("George Howarth");
    expect(resolved.records.length).toBeGreaterThan(0);
  });

  it("matches only the by-election winner, not the MP elected in 2019", () => {
    const seat = seat2010("Batley and Spen");
    const resolved = resolveMp(seat, seedMp(seat));
    expect(resolved.records.map((record) => record.role)).toEqual(["at-dissolution-2024"]);
    expect(resolved.records[0]?.name).toBe(resolved.displayName);
  });

  it("gives no party when the named MP is not among the seat's records", () => {
    const seat = seat2010("West Dunbartonshire");
    expect(seedMp(seat)).toBe("Martin Docherty-Hughes MP");
    expect(resolveMp(seat, seedMp(seat)).records).toEqual([]);
    expect(resolveMp(seat2010("Knowsley"), seedMp(seat2010("Salford and Eccles"))).records).toEqual([]);
  });

  it("treats a missing or Unknown MP as nobody", () => {
    expect(resolveMp(seat2010("Knowsley"), null)).toEqual({ displayName: "", records: [] });
    expect(resolveMp(seat2010("Knowsley"), "Unknown")).toEqual({ displayName: "", records: [] });
  });
});

describe("person names", () => {
  it.each([
    ["Rt Hon Sir George Howarth MP", "George Howarth"],
    ["Ms Nadine Dorries MP", "Nadine Dorries"],
    ["Dame Diana Johnson DBE MP", "Diana Johnson"],
    ["Mr Jonathan Lord MP", "Jonathan Lord"],
    ["Ian Paisley Jr", "Ian Paisley"],
  ])("strips %s to %s", (name, stripped) => {
    expect(stripHonorifics(name).join(" ")).toBe(stripped);
  });

  it.each([
    ["Rebecca Long-Bailey", "Rebecca Long Bailey", true],
    ["Angus Brendan MacNeil", "Angus MacNeil", true],
    ["Sir Robert Neill", "Bob Neill", true],
    ["Marsha De Cordova", "Marsha de Cordova", true],
    ["Ynys Môn Person", "Ynys Mon Person", true],
    ["Martin Docherty-Hughes", "Martin Docherty", false],
    ["Tracy Brabin", "Kim Leadbeater", false],
    ["Stuart C. McDonald", "Stewart Malcolm McDonald", false],
    ["Chris Matheson", "Christian Matheson", true],
    ["Neil Gray", "Neil", false],
  ])("%s vs %s → %s", (a, b, same) => {
    expect(samePersonName(a, b)).toBe(same);
    expect(samePersonName(b, a)).toBe(same);
  });

  it("folds case, accents and punctuation", () => {
    expect(personNameTokens("Dr Seán O’Brien-Smith")).toEqual(["sean", "obrien", "smith"]);
  });
});
