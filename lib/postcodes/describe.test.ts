import { describe, expect, it } from "vitest";
import { describePostcodeSeat } from "./describe";
import type { SeatAnswer } from "./lookup";

const bath = { code: "E14001084", name: "Bath" };
const northEastSomerset = { code: "E14001390", name: "North East Somerset and Hanham" };
const wells = { code: "E14001578", name: "Wells and Mendip Hills" };
const answer = (seat: Partial<SeatAnswer>): SeatAnswer => ({
  ...bath,
  placement: "estimated",
  nearBoundary: false,
  alternatives: [],
  ...seat,
});

describe("describePostcodeSeat", () => {
  it("states an exact (looked-up) seat plainly and offers nothing else", () => {
    expect(describePostcodeSeat("BA1 1AA", answer({ placement: "exact" }))).toEqual({
      text: "BA1 1AA is in Bath.",
      alternatives: [],
    });
  });

  it("says when the seat is estimated from the postcode's location", () => {
    const { text, alternatives } = describePostcodeSeat("BA1 1AA", answer({}));
    expect(text).toBe("BA1 1AA is in Bath (estimated from where the postcode lies).");
    expect(alternatives).toEqual([]);
  });

  it("near a boundary, names and offers every neighbouring seat", () => {
    const near = answer({ nearBoundary: true, alternatives: [northEastSomerset, wells] });
    const { text, alternatives } = describePostcodeSeat("BA2 2AA", near);
    expect(text).toBe(
      "BA2 2AA is probably in Bath (estimated from where the postcode lies), but it is close to the boundary with North East Somerset and Hanham or Wells and Mendip Hills, so it may be there instead.",
    );
    expect(alternatives).toEqual([northEastSomerset, wells]);
  });
});
