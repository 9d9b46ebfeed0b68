// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getGeoManifest } from "@/lib/seats";
import { parseSeatPaths } from "@/lib/geo/seat-paths";
import { seatLinksMarkup, seatPathId } from "./seat-markup";

const paths = parseSeatPaths(
  readFileSync(path.join(process.cwd(), "public", getGeoManifest("2024").seatPaths), "utf8"),
);

/** The markup parsed back by a real HTML parser, as the browser reads it. */
function parse(markup: string): Document {
  return new DOMParser().parseFromString(
    `<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`,
    "image/svg+xml",
  );
}

describe("seatLinksMarkup", () => {
  it("draws every 2024 seat of the seat paths file as a coloured link around its path", () => {
    const seats = [...paths].map(([code, d], index) => ({
      code,
      name: `Seat ${index}`,
      href: `/petitions/700001?area=${code}&metric=share`,
      fill: index % 2 ? "#0c2c84" : "#ffffd9",
      d,
    }));
    const document = parse(seatLinksMarkup(seats));
    const links = [...document.querySelectorAll("a")];
    expect(links).toHaveLength(650);
    for (const [index, link] of links.entries()) {
      const seat = seats[index]!;
      expect(link.getAttribute("data-code")).toBe(seat.code);
      expect(link.getAttribute("href")).toBe(seat.href);
      expect(link.getAttribute("aria-label")).toBe(seat.name);
      expect(link.getAttribute("fill")).toBe(seat.fill);
      expect(link.getAttribute("tabindex")).toBe("-1");
      const shape = link.querySelector("path");
      expect(shape?.getAttribute("id")).toBe(seatPathId(seat.code));
      expect(shape?.getAttribute("d")).toBe(seat.d);
      expect(shape?.hasAttribute("fill")).toBe(false);
    }
  });

  it.each([
    ["an ampersand", "Brighton & Hove", "/?area=E1&metric=rate"],
    ["quotes and brackets", 'A "seat" <b>', '/?q="><script>'],
  ])("keeps %s inside its attribute", (_, name, href) => {
    const d = paths.get("E14001063") ?? "M0 0z";
    const document = parse(seatLinksMarkup([{ code: "E14001063", name, href, fill: "#fff", d }]));
    const link = document.querySelector("a");
    expect(document.querySelector("parsererror")).toBeNull();
    expect(link?.getAttribute("aria-label")).toBe(name);
    expect(link?.getAttribute("href")).toBe(href);
    expect(document.querySelectorAll("script, b")).toHaveLength(0);
  });

  it("leaves the accessible name out when none is given", () => {
    const d = paths.get("E14001063") ?? "M0 0z";
    const link = parse(seatLinksMarkup([{ code: "E14001063", href: "/", fill: "#fff", d }])).querySelector(
      "a",
    );
    expect(link?.hasAttribute("aria-label")).toBe(false);
    expect(link?.getAttribute("data-code")).toBe("E14001063");
  });

  it("is empty for no seats", () => {
    expect(seatLinksMarkup([])).toBe("");
  });
});
