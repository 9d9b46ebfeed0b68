import { describe, expect, it } from "vitest";
import {
  badRequestTarget,
  boundedText,
  decodeComponent,
  MAX_PARAM_LENGTH,
  MAX_SEGMENT_LENGTH,
  MAX_TARGET_LENGTH,
} from "./request-target";

describe("decodeComponent", () => {
  it("decodes well-formed UTF-8", () => {
    expect(decodeComponent("Ynys%20M%C3%B4n")).toBe("Ynys Môn");
    expect(decodeComponent("575833")).toBe("575833");
  });

  it.each(["%", "%zz", "%E0%A4%A", "%C0%AF", "%ED%A0%80", "%00", "a%0d%0ab", "%09", "%7F"])(
    "refuses %j",
    (raw) => expect(decodeComponent(raw)).toBeNull(),
  );
});

describe("badRequestTarget", () => {
  it.each([
    "/",
    "/petitions/575833?area=E14000911&metric=share&at=-2.5,54.1,7",
    "/api/postcodes/SW1A%201AA",
    "/find?q=Salford+and+Eccles&petition=575833&from=%2Fpetitions%2F575833",
    "/open?petition=https%3A%2F%2Fpetition.parliament.uk%2Fpetitions%2F575833",
    "/_next/static/chunks/app/petitions/%5Bid%5D/page-0123abcd.js",
    "/about?",
    "/about?flag&=x&&",
    "http://localhost:3000/petitions/1?area=E14000911",
  ])("lets %j through", (target) => expect(badRequestTarget(target)).toBeNull());

  it.each([
    "/api/petitions/%E0%A4%A",
    "/api/petitions/%",
    "/api/postcodes/%zz",
    "/seats/%C0%AF",
    "/compare/1/%E0%A4%A/seats.csv",
    "/og/petitions/%00/map.png",
    "/petitions/1%0d%0aHost:%20x",
  ])("refuses the path of %j with 400", (target) => {
    expect(badRequestTarget(target)).toEqual({ status: 400, message: expect.stringMatching(/path/) });
  });

  it.each(["/?area=%", "/petitions?q=%zz", "/find?q=a%00b", "/?metric=%C0%AF", "/?%E0%A4%A=1", "/?at=1%0a2"])(
    "refuses the query of %j with 400",
    (target) => {
      expect(badRequestTarget(target)).toEqual({ status: 400, message: expect.stringMatching(/query/) });
    },
  );

  it("refuses overlong targets, segments and parameters with 414, and takes them at the limit", () => {
    expect(badRequestTarget(`/petitions?q=${"a".repeat(MAX_TARGET_LENGTH)}`)?.status).toBe(414);
    expect(badRequestTarget(`/seats/${"E".repeat(MAX_SEGMENT_LENGTH + 1)}`)?.status).toBe(414);
    expect(badRequestTarget(`/seats/${"E".repeat(MAX_SEGMENT_LENGTH)}`)).toBeNull();
    // Encoded, a value may be three times longer than its decoded limit.
    expect(badRequestTarget(`/open?petition=${"%41".repeat(MAX_PARAM_LENGTH - 9)}`)).toBeNull();
    expect(badRequestTarget(`/open?petition=${"%41".repeat(MAX_PARAM_LENGTH)}`)?.status).toBe(414);
  });
});

describe("boundedText", () => {
  const post = (body: string) => new Request("http://localhost/find", { method: "POST", body });

  it("reads a body up to the limit", async () => {
    expect(await boundedText(post("q=M5+4WT&petition=575833"))).toBe("q=M5+4WT&petition=575833");
    expect(await boundedText(post("a".repeat(100)), 100)).toHaveLength(100);
    expect(await boundedText(new Request("http://localhost/find", { method: "POST" }))).toBe("");
  });

  it("stops at a body over the limit", async () => {
    expect(await boundedText(post("a".repeat(101)), 100)).toBeNull();
  });
});
