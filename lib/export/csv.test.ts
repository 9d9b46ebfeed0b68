import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { joinPetition } from "@/lib/join/join";
import { reshapePetition } from "@/lib/petitions/reshape";
import { getSeats } from "@/lib/seats";
import { parseCsvRows } from "@/scripts/data/csv";
import { CSV_BOM, seatTableCsv } from "./csv";

const joined = joinPetition(reshapePetition(seedJson), "2010", getSeats("2010"));
const csv = seatTableCsv(joined.rows);

describe("seatTableCsv", () => {
  const [header, ...rows] = parseCsvRows(csv);

  it("starts with a BOM and the documented header", () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(header).toEqual([
      "ons_code",
      "name",
      "mp",
      "party",
      "signatures",
      "share_of_uk_pct",
      "per_1000_electors",
      "rank",
    ]);
  });

  it("has 650 rows whose signatures sum to the seats' total", () => {
    expect(rows).toHaveLength(650);
    expect(rows.reduce((sum, row) => sum + Number(row[4]), 0)).toBe(joined.national.inSeats);
    expect(rows[0]?.slice(0, 5)).toEqual([
      "E14000911",
      "Salford and Eccles",
      "Rebecca Long Bailey MP",
      "Labour",
      "814",
    ]);
  });

  it("keeps non-ASCII names and quotes commas", () => {
    expect(rows.find((row) => row[0] === "W07000041")?.[1]).toBe("Ynys Môn");
    const withComma = rows.find((row) => row[1]?.includes(","));
    expect(withComma).toBeDefined();
    expect(csv).toContain(`"${withComma?.[1]}"`);
  });

  it("never lets a cell start a formula", () => {
    const evil = { ...joined.rows[0]!, name: '=HYPERLINK("x")', mp: null };
    expect(seatTableCsv([evil])).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
