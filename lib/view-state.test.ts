import { describe, expect, it } from "vitest";
import { buildViewHref, buildViewQuery, DEFAULT_VIEW, parseViewState, type ViewState } from "./view-state";
import { serverViewState } from "./view-state";

const parseUrl = (url: string) => parseViewState(new URL(url, "http://localhost").searchParams);

describe("parseViewState", () => {
  it.each<[string, Partial<ViewState>]>([
    ["/petitions/575833", {}],
    ["/petitions/575833?area=E14000911", { area: "E14000911" }],
    ["/petitions/575833?area=e14000911", { area: "E14000911" }],
    ["/petitions/575833?metric=rate&view=hex", { metric: "rate", mapKind: "hex" }],
    ["/petitions/575833?region=scotland", { region: "scotland" }],
    ["/petitions/575833?at=53.48,-2.24,9.5", { at: { lat: 53.48, lng: -2.24, zoom: 9.5 } }],
    ["/?area=E14000911&area=E14000639", { area: "E14000911" }],
    ["/?area=%20e14000911%20", { area: "E14000911" }],
    ["/?at=-85,180,22", { at: { lat: -85, lng: 180, zoom: 22 } }],
    ["/compare/1/2?diff=relative", { difference: "relative" }],
  ])("%s", (url, expected) => {
    expect(parseUrl(url)).toEqual({ ...DEFAULT_VIEW, ...expected });
  });

  it.each([
    "?area=Salford",
    "?area=E1400091",
    "?area=<script>",
    "?metric=votes",
    "?view=globe",
    "?region=atlantis",
    "?at=91,0,5",
    "?at=53,-2",
    "?at=53,-2,30",
    "?at=a,b,c",
    "?at=1e3,0,1",
    "?metric=",
    "?metric=__proto__",
    "?view=toString",
    "?region=Scotland",
    "?at=53,-2,5,1",
    "?at=53.,-2,5",
    "?at=,,",
    "?diff=log",
  ])("falls back to defaults for %s", (query) => {
    expect(parseUrl(`/petitions/1${query}`)).toEqual(DEFAULT_VIEW);
  });

  it("reads Next's searchParams record", () => {
    expect(parseViewState({ area: ["E14000639", "x"], metric: "share" })).toEqual({
      ...DEFAULT_VIEW,
      area: "E14000639",
      metric: "share",
    });
  });
});

describe("buildViewQuery", () => {
  it("omits defaults", () => {
    expect(buildViewQuery(DEFAULT_VIEW)).toBe("");
    expect(buildViewHref("/petitions/575833", { ...DEFAULT_VIEW, area: "E14000911" })).toBe(
      "/petitions/575833?area=E14000911",
    );
  });

  it("round-trips every parameter", () => {
    const state: ViewState = {
      area: "S14000051",
      metric: "rate",
      mapKind: "hex",
      region: "scotland",
      at: { lat: 59.123456789, lng: -1.987654321, zoom: 6.789 },
      difference: "relative",
    };
    const query = buildViewQuery(state);
    expect(query).toBe(
      "?area=S14000051&metric=rate&view=hex&region=scotland&at=59.12346,-1.98765,6.79&diff=relative",
    );
    expect(parseUrl(`/p${query}`)).toEqual({ ...state, at: { lat: 59.12346, lng: -1.98765, zoom: 6.79 } });
  });
});

describe("serverViewState", () => {
  it("keeps every parameter but the shared camera, which the render cache leaves out of its key", () => {
    const params = new URLSearchParams("area=E14000911&metric=rate&region=london&at=53.48,-2.24,9.5");
    expect(parseViewState(params).at).toEqual({ lat: 53.48, lng: -2.24, zoom: 9.5 });
    expect(serverViewState(params)).toEqual({ ...parseViewState(params), at: null });
  });
});
