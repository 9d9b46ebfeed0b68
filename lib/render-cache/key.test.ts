import { describe, expect, it } from "vitest";
import { postcodeKey, renderKey } from "./key";

const keyOf = (path: string) => renderKey(new URL(path, "http://localhost"));

describe("renderKey", () => {
  it.each([
    ["/", "/"],
    ["/?utm_source=news&fbclid=x", "/"],
    ["/?at=53.48,-2.24,9.5", "/"],
    ["/petitions/241584", "/petitions/241584"],
    ["/petitions/241584?metric=count&view=map", "/petitions/241584"],
    [
      "/petitions/241584?view=hex&metric=rate&area=e14000911",
      "/petitions/241584?area=E14000911&metric=rate&view=hex",
    ],
    ["/petitions/241584?area=E14000911&area=E14000639", "/petitions/241584?area=E14000911"],
    ["/petitions/241584?region=london&at=51.5,-0.1,10&x=1", "/petitions/241584?region=london"],
    ["/petitions/241584?diff=relative", "/petitions/241584"],
    ["/petitions/241584?metric=votes&region=atlantis&area=<script>", "/petitions/241584"],
    ["/embed/petitions/241584?metric=share", "/embed/petitions/241584?metric=share"],
    ["/about?x=1", "/about"],
    ["/api/petitions/241584?nocache=123", "/api/petitions/241584"],
    // A preview image keeps only what it draws: the metric and the outlined seat.
    ["/og/petitions/241584/map.png?view=hex&region=london&metric=count", "/og/petitions/241584/map.png"],
    [
      "/og/petitions/241584/map.png?metric=rate&x=1&area=e14000911&at=1,2,3",
      "/og/petitions/241584/map.png?area=E14000911&metric=rate",
    ],
  ])("%s → %s", (path, key) => {
    expect(keyOf(path)).toBe(key);
  });

  it.each([
    "/petitions",
    "/petitions/abc",
    "/petitions/1234567890",
    "/petitions/241584/constituencies.csv",
    "/api/petitions/241584/history",
    "/api/postcodes/SW1A1AA",
    "/find?petition=241584",
    "/seats/E14000911",
  ])("%s is not shared between readers", (path) => {
    expect(keyOf(path)).toBeNull();
  });

  it("gives any query only a bounded number of variants per page", () => {
    const keys = new Set(
      Array.from({ length: 500 }, (_, n) =>
        keyOf(`/petitions/1?q=${n}&at=50,${n % 180},5&metric=${n % 2 ? "rate" : "x"}`),
      ),
    );
    expect(keys).toEqual(new Set(["/petitions/1", "/petitions/1?metric=rate"]));
  });
});

describe("postcodeKey", () => {
  const postcodeOf = (path: string) => postcodeKey(new URL(path, "http://localhost"));

  it.each([
    ["/api/postcodes/SW1A%201AA", "/api/postcodes/SW1A%201AA"],
    ["/api/postcodes/sw1a1aa", "/api/postcodes/SW1A%201AA"],
    ["/api/postcodes/%20sw1a%201aa%20?utm=x", "/api/postcodes/SW1A%201AA"],
  ])("%s shares %s", (path, key) => {
    expect(postcodeOf(path)).toBe(key);
  });

  it.each([
    ["not a postcode", "/api/postcodes/hello"],
    ["a malformed escape", "/api/postcodes/%E0%A4%A"],
    ["another route", "/api/postcodes/SW1A1AA/extra"],
    ["a petition", "/api/petitions/241584"],
  ])("is null for %s", (_, path) => {
    expect(postcodeOf(path)).toBeNull();
  });
});
