import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countryCode } from "./countries";
import { londonToUtcIso } from "./london-time";
import { dataOut } from "./paths";
import { checkSeedTotals, joinSeedSeats, SEED_PETITION_ID, seedFile, seedToSitePetition } from "./seed";
import { parseSeedMarkdown, type SeedSnapshot } from "./seed-markdown";
import { boundaryNames } from "./seats";

const snapshot = parseSeedMarkdown(readFileSync(seedFile(), "utf8"));
const seats2010 = boundaryNames("2010");
const petition = seedToSitePetition(snapshot, seats2010);
const attributes = petition.data.attributes;
const sum = (rows: { signature_count: number }[]) => rows.reduce((total, row) => total + row.signature_count, 0);

describe("seed petition 575833", () => {
  it("joins all 650 seed constituencies to distinct 2010-set codes, leaving out Unknown", () => {
    const codes = attributes.signatures_by_constituency.map((row) => row.ons_code);
    expect(new Set(codes)).toEqual(new Set(seats2010.keys()));
    expect(attributes.signatures_by_constituency.some((row) => row.name === "Unknown")).toBe(false);
  });

  it("adds up: seats + 13,698 unknown = 268,513 UK signatures; 270,294 in all", () => {
    const uk = attributes.signatures_by_country.find((row) => row.code === "GB");
    expect(uk).toEqual({ name: "United Kingdom", code: "GB", signature_count: 268513 });
    expect(sum(attributes.signatures_by_constituency) + 13698).toBe(268513);
    expect(attributes.signature_count).toBe(270294);
    expect(sum(attributes.signatures_by_country)).toBe(270294);
  });

  it("fails when the unknown row is not the UK remainder", () => {
    const tampered: SeedSnapshot = {
      ...snapshot,
      constituencies: snapshot.constituencies.map((row) =>
        row.name === "Unknown" ? { ...row, count: row.count + 1 } : row,
      ),
    };
    expect(() => checkSeedTotals(tampered, sum(attributes.signatures_by_constituency))).toThrow();
  });

  it("keeps the site's names and MP strings", () => {
    expect(attributes.signatures_by_constituency.find((row) => row.ons_code === "E14000911")).toEqual({
      name: "Salford and Eccles",
      ons_code: "E14000911",
      mp: "Rebecca Long Bailey MP",
      signature_count: 814,
    });
    expect(attributes.signatures_by_constituency.find((row) => row.name === "Weston-super-Mare")?.ons_code).toBe(
      "E14001038",
    );
  });

  it("fails on a constituency name that joins no seat", () => {
    const renamed = { ...snapshot, constituencies: [{ name: "Atlantis", mp: "Nobody", count: 1 }] };
    expect(() => joinSeedSeats(renamed, seats2010)).toThrow(/Atlantis/);
  });

  it("converts UK wall-clock history to UTC, BST in summer", () => {
    expect(attributes.updated_at).toBe("2021-07-12T13:59:45.000Z");
    expect(attributes.created_at).toBe("2021-02-19T07:09:44.000Z");
    expect(attributes.government_response?.responded_on).toBe("2021-03-24");
    expect(attributes).toMatchObject({ state: "closed", closed_at: null, rejected_at: null, signature_count: 270294 });
  });

  it("splits the response into a one-paragraph summary and the rest", () => {
    const response = attributes.government_response;
    expect(response.summary).toBe(snapshot.responseParagraphs[0]);
    expect(response.details.split("\n\n")).toEqual(snapshot.responseParagraphs.slice(1));
    expect(response.details).toMatch(/^The government recognises/);
  });

  it("is the committed data/petitions file, byte for byte, and the same twice", () => {
    const file = readFileSync(dataOut("petitions", `${SEED_PETITION_ID}.json`), "utf8");
    expect(file).toBe(`${JSON.stringify(petition, null, 2)}\n`);
    expect(seedToSitePetition(parseSeedMarkdown(readFileSync(seedFile(), "utf8")), seats2010)).toEqual(petition);
  });
});

describe("countryCode", () => {
  it.each([
    ["United Kingdom", "GB"],
    ["St Lucia", "LC"],
    ["Turks and Caicos Islands", "TC"],
    ["Bosnia and Herzegovina", "BA"],
    ["Congo", "CG"],
    ["Hong Kong", "HK"],
    ["Czechia", "CZ"],
  ])("%s → %s", (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it("gives every seed country its own code", () => {
    const codes = snapshot.countries.map((row) => countryCode(row.name));
    expect(new Set(codes).size).toBe(snapshot.countries.length);
  });

  it("refuses an unknown name", () => {
    expect(() => countryCode("Narnia")).toThrow();
  });
});

describe("londonToUtcIso", () => {
  it.each([
    ["2021-02-19", "07:09:44", "2021-02-19T07:09:44.000Z"],
    ["2021-07-12", "14:59:45", "2021-07-12T13:59:45.000Z"],
    ["2021-03-28", "00:30:00", "2021-03-28T00:30:00.000Z"],
    ["2021-03-28", "03:30:00", "2021-03-28T02:30:00.000Z"],
    ["2021-10-31", "00:30:00", "2021-10-30T23:30:00.000Z"],
    ["2021-10-31", "02:30:00", "2021-10-31T02:30:00.000Z"],
  ])("%s %s → %s", (date, time, iso) => {
    expect(londonToUtcIso(date, time)).toBe(iso);
  });
});
