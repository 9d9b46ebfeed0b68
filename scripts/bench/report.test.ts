import { describe, expect, it } from "vitest";
import { markdownTable, replaceSection, spread } from "./report";

const doc = [
  "# Benchmarks",
  "",
  "Intro.",
  "",
  "## Map load",
  "",
  "old map numbers",
  "",
  "## Server throughput",
  "",
  "someone else's numbers",
  "",
].join("\n");

describe("replaceSection", () => {
  it.each([
    [
      "a section in the middle",
      "Map load",
      ["new map numbers", "## Server throughput", "someone else's numbers"],
    ],
    ["the last section", "Server throughput", ["old map numbers", "## Server throughput\n\nnew"]],
  ])("replaces %s and keeps the others", (_, heading, kept) => {
    const updated = replaceSection(doc, heading, heading === "Map load" ? "new map numbers" : "new");
    for (const text of kept) expect(updated).toContain(text);
    expect(updated.match(new RegExp(`^## ${heading}$`, "gm"))).toHaveLength(1);
    expect(updated).not.toContain(heading === "Map load" ? "old map numbers" : "someone else's numbers");
  });

  it("appends a section the document does not have yet", () => {
    const updated = replaceSection(doc, "Postcode lookup", "lookups");
    expect(updated.startsWith(doc.trimEnd())).toBe(true);
    expect(updated.endsWith("## Postcode lookup\n\nlookups\n")).toBe(true);
  });
});

describe("markdownTable", () => {
  it("right-aligns columns of measurements only", () => {
    const table = markdownTable(
      ["Page", "Runs", "Ready"],
      [
        ["/", 9, "812 ms"],
        ["/petitions/1", 9, "—"],
      ],
    );
    expect(table.split("\n")[1]).toBe("| --- | ---: | ---: |");
  });
});

describe("spread", () => {
  it("gives the median and the 90th percentile, and nothing for no samples", () => {
    const result = spread([5, 1, 4, 2, 3, 9, 8, 7, 6, 10]);
    expect(result?.median).toBe(5.5);
    expect(result?.p90).toBeGreaterThanOrEqual(9);
    expect(result?.p90).toBeLessThanOrEqual(10);
    expect(spread([])).toBeNull();
  });
});
