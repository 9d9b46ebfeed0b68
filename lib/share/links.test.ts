import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { buildLoadedPetition } from "@/lib/load/petition";
import { reshapePetition } from "@/lib/petitions/reshape";
import { previewImagePath, shareDescription } from "./links";

const loaded = buildLoadedPetition({
  petition: reshapePetition(seedJson),
  asOf: seedJson.data.attributes.updated_at,
  stale: false,
  source: "embedded",
});
const { rows } = loaded.joined;
const total = seedJson.data.attributes.signature_count;
const seats = seedJson.data.attributes.signatures_by_constituency;
const bySignatures = seats.toSorted((a, b) => b.signature_count - a.signature_count);
const grouped = (n: number) => n.toLocaleString("en-GB");

describe("previewImagePath", () => {
  it.each([
    [{ metric: "count", area: null }, "/og/petitions/575833/map.png"],
    [{ metric: "rate", area: null }, "/og/petitions/575833/map.png?metric=rate"],
    [{ metric: "share", area: "E14000911" }, "/og/petitions/575833/map.png?area=E14000911&metric=share"],
  ] as const)("%j → %s", (state, expected) => {
    expect(previewImagePath(575833, state)).toBe(expected);
  });
});

describe("shareDescription on the seed petition", () => {
  it("gives the total and the seat with the most signatures", () => {
    expect(shareDescription(total, rows, null)).toBe(
      `${grouped(total)} signatures · most: ${bySignatures[0]?.name}`,
    );
  });

  it.each([0, 1, 100, 649])("gives the figures of the seat ranked #%i by signatures", (index) => {
    const seat = bySignatures[index]!;
    const above = seats.filter((other) => other.signature_count > seat.signature_count).length;
    const description = shareDescription(total, rows, seat.ons_code);
    expect(description.startsWith(`${seat.name}: ${grouped(seat.signature_count)} signatures, `)).toBe(true);
    expect(description).toMatch(
      new RegExp(`(joint )?${above + 1}(st|nd|rd|th) of 650 · ${grouped(total)} signatures in all$`),
    );
  });

  it("says only the total when no seat has a signature", () => {
    const empty = rows.map((row) => ({ ...row, count: 0 }));
    expect(shareDescription(12, empty, null)).toBe("12 signatures");
  });
});
