import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRows, readCsv } from "./csv";
import { sharedData } from "./paths";

describe("parseCsvRows", () => {
  it.each([
    ["a,b\n1,2\n", [["a", "b"], ["1", "2"]]],
    ['a,"b, c"\r\n"say ""hi""",\r\n', [["a", "b, c"], ['say "hi"', ""]]],
    ['\uFEFFx\n"line\nbreak"', [["x"], ["line\nbreak"]]],
  ])("parses %j", (text, rows) => {
    expect(parseCsvRows(text)).toEqual(rows);
  });
});

describe("parseCsv", () => {
  it("fails on a row with the wrong number of cells", () => {
    expect(() => parseCsv("a,b\n1,2,3\n")).toThrow(/row 2/);
  });

  it("reads quoted thousands in the real GE2024 results", () => {
    const rows = readCsv(sharedData("mps_results/HoC-GE2024-results-by-constituency.csv"));
    expect(rows).toHaveLength(650);
    for (const row of rows) expect(row.Electorate).toMatch(/^\d{1,3}(,\d{3})*$/);
  });
});
