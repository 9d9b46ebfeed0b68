import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { joinPetition } from "@/lib/join/join";
import { reshapePetition } from "@/lib/petitions/reshape";
import { getSeats } from "@/lib/seats";
import { parseCsvRows } from "@/scripts/data/csv";
import { CSV_BOM, SEAT_TABLE_COLUMNS, seatTableCsv } from "./csv";

const joined = joinPetition(reshapePetition(seedJson), "2010", getSeats("2010"));
const csv = seatTableCsv(joined.rows);

describe("seatTableCsv", () => {
  const [header, ...rows] = parseCsvRows(csv);

  it("starts with a BOM and a header naming each column of the rows", () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(header).toEqual([...SEAT_TABLE_COLUMNS]);
    const first = Object.fromEntries(header!.map((column, index) => [column, rows[0]?.[index]]));
    expect(first).toMatchObject({
      ons_code: "E14000911",
      name: "Salford and Eccles",
      mp: "Rebecca Long Bailey MP",
      party: "Labour",
      signatures: "814",
      rank: "1",
    });
  });

  it("has 650 rows whose signatures sum to the seats' total", () => {
    const signatures = header!.indexOf("signatures");
    expect(rows).toHaveLength(650);
    expect(rows.reduce((sum, row) => sum + Number(row[signatures]), 0)).toBe(joined.national.inSeats);
  });

  it("keeps non-ASCII names and quotes commas", () => {
    expect(rows.find((row) => row[0] === "W07000041")?.[1]).toBe("Ynys Môn");
    const withComma = rows.find((row) => row[1]?.includes(","));
    expect(withComma).toBeDefined();
    expect(csv).toContain(`"${withComma?.[1]}"`);
  });

  it.each(["=1+1", " =1+1", "+44", "-2", "@SUM(A1)", "\t=1", "\r=1", "\u00a0=cmd"])(
    "neutralises %j in any text column, the MP's name included",
    (text) => {
      const evil = { ...joined.rows[0]!, name: text, mp: { ...joined.rows[0]!.mp!, name: text } };
      const [, line] = seatTableCsv([evil]).split("\r\n");
      const cells = line!.match(/"(?:[^"]|"")*"|[^,]+/g)!;
      expect(cells[1]!.replace(/^"/, "")).toMatch(/^'/);
      expect(cells[2]!.replace(/^"/, "")).toMatch(/^'/);
    },
  );

  it("never lets a cell start a formula", () => {
    const evil = { ...joined.rows[0]!, name: '=HYPERLINK("x")', mp: null };
    expect(seatTableCsv([evil])).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
