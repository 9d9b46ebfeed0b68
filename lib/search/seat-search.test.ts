import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { joinPetition } from "@/lib/join/join";
import { reshapePetition } from "@/lib/petitions/reshape";
import { getSeats } from "@/lib/seats";
import { looksLikePostcode, searchSeats } from "./seat-search";

const rows = joinPetition(reshapePetition(seedJson), "2010", getSeats("2010")).rows;
const seats = rows.map((row) => ({ code: row.code, name: row.name, mpName: row.mp?.name ?? null }));
const first = (query: string) => searchSeats(query, seats)[0];

describe("searchSeats on the seed's seats", () => {
  it.each([
    ["ynys mon", "W07000041", "name"],
    ["Ynys Môn", "W07000041", "name"],
    ["YNYS", "W07000041", "name"],
    ["salford", "E14000911", "name"],
    ["weston super mare", "E14001038", "name"],
    ["long bailey", "E14000911", "mp"],
    ["rebecca long", "E14000911", "mp"],
    ["na h-eileanan", "S14000027", "name"],
    ["cities of london", "E14000639", "name"],
    ["obrien", "E14000728", "mp"],
    ["Neil O'Brien", "E14000728", "mp"],
  ])("%s → %s by %s", (query, code, matchedOn) => {
    expect(first(query)).toMatchObject({ code, matchedOn });
  });

  it("puts an exact name before longer names that contain it", () => {
    expect(searchSeats("Bath", seats).map((match) => match.name)[0]).toBe("Bath");
  });

  it("finds nothing for nonsense or one letter", () => {
    expect(searchSeats("zzqx", seats)).toEqual([]);
    expect(searchSeats("a", seats)).toEqual([]);
  });

  it("limits the list", () => {
    expect(searchSeats("north", seats, 5)).toHaveLength(5);
  });
});

describe("looksLikePostcode", () => {
  it.each([
    ["SW1A 1AA", true],
    ["sw1a1aa", true],
    ["M5 4WT", true],
    ["LS1", true],
    ["Salford", false],
    ["ynys mon", false],
    ["", false],
  ])("looksLikePostcode(%s) = %s", (input, expected) => {
    expect(looksLikePostcode(input)).toBe(expected);
  });
});
