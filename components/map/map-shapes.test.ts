import { describe, expect, it } from "vitest";
import { firstTopology } from "./map-shapes";

const geometry = {
  topology: "/geo/pcon-2024.full.topo.json",
  overview: "/geo/pcon-2024-overview.x.topo.json",
};

describe("firstTopology", () => {
  it("starts MapLibre on the overview when the camera opens on the whole UK", () => {
    expect(firstTopology({ seats: null, at: null }, geometry)).toBe(geometry.overview);
  });

  it.each([
    ["a selected seat", { seats: ["E14001290"], at: null }],
    ["a focused region's seats", { seats: ["E14001290", "E14001306"], at: null }],
    ["a shared camera", { seats: null, at: { lat: 51.5, lng: -0.1, zoom: 9 } }],
  ] as const)("starts on the full detail when the camera opens on %s", (_, view) => {
    expect(firstTopology(view, geometry)).toBe(geometry.topology);
  });
});
