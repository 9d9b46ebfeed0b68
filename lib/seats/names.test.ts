import { describe, expect, it } from "vitest";
import { getSeats } from "./index";
import { seatNameIndex, nameKey } from "./names";
import { BOUNDARY_SETS } from "./types";

describe("nameKey", () => {
  it.each([
    ["Weston-super-Mare", "Weston-Super-Mare"],
    ["Ynys Mon", "Ynys Môn"],
    ["Ealing, Southall", "Ealing Southall"],
    ["Brighton, Kemptown", "Brighton Kemptown"],
    ["Montgomeryshire and Glyndŵr", "Montgomeryshire and Glyndwr"],
    ["Birmingham, Hall Green & Moseley", "Birmingham Hall Green and Moseley"],
    ["St Helens North", "St. Helens North"],
    ["Hammersmith & Fulham", "hammersmith and fulham"],
    ["Queen's Park and Maida Vale", "Queens Park & Maida Vale"],
  ])("%s = %s", (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ["Ealing North", "Ealing Southall"],
    ["Norfolk North", "North Norfolk"],
  ])("%s ≠ %s", (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it.each(BOUNDARY_SETS)("gives every %s seat its own key", (set) => {
    expect(seatNameIndex(getSeats(set)).size).toBe(650);
  });

  it("refuses an index where two codes share a key", () => {
    const clash = [
      { code: "A", name: "Weston-super-Mare" },
      { code: "B", name: "Weston-Super-Mare" },
    ];
    expect(() => seatNameIndex(clash)).toThrow(/share/);
  });
});
