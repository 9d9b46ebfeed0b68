import { describe, expect, it } from "vitest";
import {
  describeNearSeats,
  findHref,
  findRequestOf,
  findSubmissionTarget,
  postcodeDestination,
  postcodeMissMessage,
} from "./find-seat";

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("findRequestOf", () => {
  it("keeps our own petition path, the view and a bounded query, and never a camera or a seat", () => {
    const request = findRequestOf(
      form({ q: `  ${"x".repeat(300)}`, petition: "700001", from: "https://evil.example", metric: "rate" }),
    );
    expect(request.query).toHaveLength(100);
    expect(request.from).toBe("/petitions/700001");
    expect(request.state).toMatchObject({ metric: "rate", area: null, at: null });
    expect(findRequestOf(form({ petition: "abc", from: "/" })).from).toBe("/");
  });
});

describe("postcodeDestination: never a URL with the postcode", () => {
  it("sends an exact answer straight to the seat's view, keeping the metric", async () => {
    const request = findRequestOf(form({ q: "M5 4WT", petition: "575833", from: "/", metric: "rate" }));
    expect(await postcodeDestination(request, "2010")).toBe("/?area=E14000911&metric=rate");
  });

  it("sends an estimate near a boundary to /find with the seats it may be in", async () => {
    const request = findRequestOf(form({ q: "EC1A 1BB", petition: "700001" }));
    const target = await postcodeDestination(request, "2024");
    expect(target).toBe("/find?petition=700001&from=/petitions/700001&near=E14001290,E14001306");
  });

  it.each([
    ["ZZ1 1ZZ", "unknown"],
    ["JE2 3AB", "crown"],
  ])("sends %s to /find saying why (%s)", async (postcode, miss) => {
    const target = await postcodeDestination(findRequestOf(form({ q: postcode })), "2010");
    expect(target).toBe(`/find?petition=575833&from=/petitions/575833&miss=${miss}`);
    expect(postcodeMissMessage(miss)).toMatch(/^That postcode/);
  });
});

describe("findSubmissionTarget", () => {
  it("sends words on to /find?q=, which lists or opens what they match", async () => {
    expect(await findSubmissionTarget(form({ q: "salford", petition: "575833", from: "/" }))).toBe(
      "/find?petition=575833&from=/&q=salford",
    );
    expect(await findSubmissionTarget(form({}))).toBe(findHref(findRequestOf(form({})), {}));
  });
});

describe("describeNearSeats", () => {
  const seats = [
    { code: "E14001290", name: "Holborn and St Pancras" },
    { code: "E14001306", name: "Islington South and Finsbury" },
  ];

  it("names the estimate and where the postcode may be instead, without the postcode", () => {
    expect(describeNearSeats("E14001290,E14001306", seats)).toEqual({
      text: "That postcode is probably in Holborn and St Pancras (estimated from where the postcode lies), but it is close to the boundary with Islington South and Finsbury, so it may be there instead.",
      seats,
    });
  });

  it("ignores codes that are not this petition's seats", () => {
    expect(describeNearSeats("X,E14001306,<b>", seats)?.seats).toEqual([seats[1]]);
    expect(describeNearSeats("", seats)).toBeNull();
    expect(postcodeMissMessage("toString")).toBeNull();
  });
});
