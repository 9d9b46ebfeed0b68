import { describe, expect, it } from "vitest";
import { INITIAL_MAP_MACHINE, mapReducer, published, type MapEvent, type MapMachine } from "./map-machine";

const run = (...events: MapEvent[]): MapMachine => events.reduce(mapReducer, INITIAL_MAP_MACHINE);

describe("the map's SVG → MapLibre handover", () => {
  it("starts as the server's SVG, loading", () => {
    expect(published(INITIAL_MAP_MACHINE.phase)).toEqual({ renderer: "svg", state: "loading" });
  });

  it("is ready once the SVG is painted, then hands over to WebGL once MapLibre has drawn every seat", () => {
    const painted = run({ type: "svg-painted" });
    expect(painted.phase).toBe("svg-ready");
    expect(mapReducer(painted, { type: "webgl-drawn" }).phase).toBe("webgl-ready");
  });

  it("goes back to loading on WebGL while MapLibre redraws (map ⇄ hex), and ready when it has", () => {
    const redrawing = run({ type: "svg-painted" }, { type: "webgl-drawn" }, { type: "webgl-redrawing" });
    expect(published(redrawing.phase)).toEqual({ renderer: "webgl", state: "loading" });
    expect(mapReducer(redrawing, { type: "webgl-drawn" }).phase).toBe("webgl-ready");
  });

  it("ignores a redraw before MapLibre is on screen", () => {
    expect(run({ type: "svg-painted" }, { type: "webgl-redrawing" }).phase).toBe("svg-ready");
  });

  it("without WebGL the painted SVG stays, ready, and says why", () => {
    const failed = run({ type: "svg-painted" }, { type: "webgl-failed", reason: "webgl" });
    expect(failed.phase).toBe("svg-ready");
    expect(failed.webglFailure).toBe("webgl");
    // A late "drawn" from a map that failed cannot take over.
    expect(mapReducer(failed, { type: "webgl-drawn" }).phase).toBe("svg-ready");
  });

  it("falls back to the SVG when MapLibre's shapes fail after it took over", () => {
    const fellBack = run(
      { type: "svg-painted" },
      { type: "webgl-drawn" },
      { type: "webgl-redrawing" },
      { type: "webgl-failed", reason: "shapes" },
    );
    expect(published(fellBack.phase)).toEqual({ renderer: "svg", state: "ready" });
    expect(fellBack.webglFailure).toBe("shapes");
  });

  it("keeps the first failure's reason", () => {
    const failed = run({ type: "webgl-failed", reason: "webgl" }, { type: "webgl-failed", reason: "shapes" });
    expect(failed.webglFailure).toBe("webgl");
  });

  it("is in error only with neither WebGL nor the SVG's shapes, whichever fails first", () => {
    expect(run({ type: "svg-failed" }, { type: "webgl-failed", reason: "webgl" }).phase).toBe("svg-error");
    expect(run({ type: "webgl-failed", reason: "webgl" }, { type: "svg-failed" }).phase).toBe("svg-error");
    // SVG shapes missing but MapLibre still booting: still loading, and WebGL can take over.
    const waiting = run({ type: "svg-failed" });
    expect(waiting.phase).toBe("svg-loading");
    expect(mapReducer(waiting, { type: "webgl-drawn" }).phase).toBe("webgl-ready");
  });

  it("a paint after MapLibre took over changes nothing on screen", () => {
    const onWebgl = run({ type: "webgl-drawn" });
    const painted = mapReducer(onWebgl, { type: "svg-painted" });
    expect(painted.phase).toBe("webgl-ready");
    expect(painted.svgPainted).toBe(true);
  });

  it("publishes every phase as exactly one renderer and state", () => {
    const phases = ["svg-loading", "svg-ready", "svg-error", "webgl-loading", "webgl-ready"] as const;
    expect(phases.map((phase) => Object.values(published(phase)).join("/"))).toEqual([
      "svg/loading",
      "svg/ready",
      "svg/error",
      "webgl/loading",
      "webgl/ready",
    ]);
  });
});

describe("when MapLibre boots", () => {
  const fine = { type: "pointer-known", coarse: false } as const;
  const touch = { type: "pointer-known", coarse: true } as const;

  it("boots by itself once the SVG is shown, or late, with a fine pointer or none", () => {
    expect(run(fine).booting).toBe(false);
    expect(run(fine, { type: "boot-due", cause: "svg-shown" }).booting).toBe(true);
    expect(run(fine, { type: "boot-due", cause: "svg-late" }).booting).toBe(true);
  });

  it("on a touch screen waits for the first pan or zoom, whatever the SVG does", () => {
    const waiting = run(
      touch,
      { type: "svg-painted" },
      { type: "boot-due", cause: "svg-shown" },
      { type: "boot-due", cause: "svg-late" },
    );
    expect(waiting.booting).toBe(false);
    expect(published(waiting.phase)).toEqual({ renderer: "svg", state: "ready" });
    expect(mapReducer(waiting, { type: "boot-due", cause: "gesture" }).booting).toBe(true);
  });

  it("boots nothing before it knows the pointer, except for a gesture", () => {
    expect(run({ type: "boot-due", cause: "svg-shown" }).booting).toBe(false);
    expect(run({ type: "boot-due", cause: "gesture" }).booting).toBe(true);
  });

  it("keeps the first pointer it was told and stays booted", () => {
    expect(run(touch, fine).bootWhen).toBe("on-gesture");
    const booted = run(fine, { type: "boot-due", cause: "svg-shown" });
    expect(mapReducer(booted, { type: "boot-due", cause: "gesture" })).toBe(booted);
  });

  it("boots on a touch screen at once when the SVG's shapes cannot load", () => {
    expect(run(touch, { type: "svg-failed" }).booting).toBe(true);
  });
});
