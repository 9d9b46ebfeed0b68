import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OUTLINE_WIDTHS, outlineWidthAt } from "@/components/map/map-style";
import { svgPaintScript, watchSvgPaint } from "@/components/map/svg-paint";

describe("outlineWidthAt", () => {
  it.each([
    [2, 0.3],
    [4, 0.3],
    [6, 0.65],
    [8, 1],
    [9.5, 1.25],
    [11, 1.5],
    [14, 1.5],
  ])("at zoom %d draws %d px, as MapLibre interpolates OUTLINE_WIDTHS", (zoom, width) => {
    expect(outlineWidthAt(zoom)).toBeCloseTo(width, 9);
  });

  it("has its stops in zoom order", () => {
    const zooms = OUTLINE_WIDTHS.map(([zoom]) => zoom);
    expect(zooms).toEqual([...zooms].sort((a, b) => a - b));
  });
});

/** A map element whose first SVG seat measures `width` once the test says the seat paths have arrived. */
function fakeMap(state = "loading", renderer = "svg") {
  const attributes = new Map([
    ["data-state", state],
    ["data-renderer", renderer],
  ]);
  const seat = { width: 0 };
  return {
    seat,
    attributes,
    querySelector: () => ({ getBBox: () => ({ width: seat.width }) }),
    getAttribute: (name: string) => attributes.get(name) ?? null,
    setAttribute: (name: string, value: string) => attributes.set(name, value),
  };
}

/** Resolves after messages already posted have been handled: the task after a frame's rendering. */
function afterPaintTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

describe("watchSvgPaint", () => {
  let frames: FrameRequestCallback[] = [];
  const runFrame = () => {
    const due = frames;
    frames = [];
    for (const callback of due) callback(0);
  };
  beforeEach(() => {
    frames = [];
    globalThis.requestAnimationFrame = (callback) => frames.push(callback);
    globalThis.cancelAnimationFrame = (handle) => {
      frames = frames.filter((_, index) => index + 1 !== handle);
    };
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, "requestAnimationFrame");
    Reflect.deleteProperty(globalThis, "cancelAnimationFrame");
  });

  it("reports the first frame in which the seats measure something once it has been painted, and only once", async () => {
    const map = fakeMap();
    let painted = 0;
    watchSvgPaint(map as unknown as Element, () => painted++);
    for (let frame = 0; frame < 5; frame++) runFrame();
    await afterPaintTask();
    expect(painted).toBe(0);
    map.seat.width = 12;
    runFrame();
    expect(painted, "not while the frame is still rendering").toBe(0);
    await afterPaintTask();
    expect(painted).toBe(1);
    for (let frame = 0; frame < 5; frame++) runFrame();
    await afterPaintTask();
    expect(painted).toBe(1);
  });

  it("reports through a user-blocking scheduler task where the browser has one, so page scripts queue behind it", () => {
    const tasks: { task: () => void; options: unknown }[] = [];
    Object.assign(globalThis, {
      scheduler: { postTask: (task: () => void, options: unknown) => tasks.push({ task, options }) },
    });
    try {
      const map = fakeMap();
      let painted = 0;
      watchSvgPaint(map as unknown as Element, () => painted++);
      map.seat.width = 12;
      runFrame();
      expect(painted).toBe(0);
      expect(tasks.map(({ options }) => options)).toEqual([{ priority: "user-blocking" }]);
      tasks[0]?.task();
      expect(painted).toBe(1);
    } finally {
      Reflect.deleteProperty(globalThis, "scheduler");
    }
  });

  it.each([
    ["before the seats are drawn", false],
    ["between the seats' frame and its paint", true],
  ])("says nothing once stopped %s", async (_, drawnFirst) => {
    const map = fakeMap();
    let painted = 0;
    const stop = watchSvgPaint(map as unknown as Element, () => painted++);
    if (drawnFirst) map.seat.width = 12;
    runFrame();
    stop();
    map.seat.width = 12;
    runFrame();
    await afterPaintTask();
    expect(painted).toBe(0);
  });

  it.each([
    ["an SVG map still loading", "loading", "svg", "ready"],
    ["a map MapLibre already draws", "loading", "webgl", "loading"],
    ["a map already in error", "error", "svg", "error"],
  ])("as an inline script, marks %s as it should", async (_, state, renderer, expected) => {
    const map = fakeMap(state, renderer);
    const document = { currentScript: { previousElementSibling: map } };
    new Function("document", svgPaintScript)(document);
    map.seat.width = 3;
    runFrame();
    await afterPaintTask();
    expect(map.attributes.get("data-state")).toBe(expected);
  });
});
