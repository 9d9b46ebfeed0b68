import { JSDOM } from "jsdom";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { afterNextPaint, SVG_PAINT_SCRIPT } from "./svg-paint";

/** A page as the server sends it: the map container, then the inline script right after it. */
function pageWith(
  map: { state: string; renderer: string; seats: boolean },
  beforeParse?: (window: JSDOM["window"]) => void,
) {
  const seats = map.seats ? '<a data-code="E14000911"><path d="M0 0h1v1z"/></a>' : "";
  const dom = new JSDOM(
    `<div data-testid="petition-map" data-state="${map.state}" data-renderer="${map.renderer}">` +
      `<svg><g data-seats="">${seats}</g></svg></div><script>${SVG_PAINT_SCRIPT}</script>`,
    {
      runScripts: "dangerously",
      pretendToBeVisual: true,
      beforeParse(window) {
        // jsdom has no MessageChannel of its own; Node's is the browser's.
        Object.assign(window, { MessageChannel });
        beforeParse?.(window);
      },
    },
  );
  const element = dom.window.document.querySelector('[data-testid="petition-map"]');
  if (!element) throw new Error("no map");
  return { dom, state: () => element.getAttribute("data-state") };
}

const frames = (count = 3) => new Promise((resolve) => setTimeout(resolve, count * 20));

describe("the inline script that marks the server's SVG map ready", () => {
  it("marks a loading SVG map ready after its first frame", async () => {
    const { state } = pageWith({ state: "loading", renderer: "svg", seats: true });
    expect(state()).toBe("loading");
    await frames();
    expect(state()).toBe("ready");
  });

  it("uses a user-blocking scheduler task when the browser has one", async () => {
    const priorities: string[] = [];
    const { state } = pageWith({ state: "loading", renderer: "svg", seats: true }, (window) => {
      Object.assign(window, {
        scheduler: {
          postTask(task: () => void, options: { priority: string }) {
            priorities.push(options.priority);
            setTimeout(task, 0);
          },
        },
      });
    });
    await frames();
    expect(priorities).toEqual(["user-blocking"]);
    expect(state()).toBe("ready");
  });

  it("leaves a map without seats loading (it has nothing to paint)", async () => {
    const { state } = pageWith({ state: "loading", renderer: "svg", seats: false });
    await frames();
    expect(state()).toBe("loading");
  });

  it("never overrides what the page's own scripts already published", async () => {
    const onWebgl = pageWith({ state: "loading", renderer: "webgl", seats: true });
    const failed = pageWith({ state: "error", renderer: "svg", seats: true });
    await frames();
    expect(onWebgl.state()).toBe("loading");
    expect(failed.state()).toBe("error");
  });

  it("is one fixed string: no nonce, no per-page values, so a CSP hash allows it everywhere", () => {
    expect(SVG_PAINT_SCRIPT).not.toMatch(/nonce|\$\{/);
    expect(() => new Function(SVG_PAINT_SCRIPT)).not.toThrow();
  });
});

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

describe("afterNextPaint", () => {
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

  it("calls back in the task after the next frame, not during it, and once", async () => {
    let painted = 0;
    afterNextPaint(() => painted++);
    await afterPaintTask();
    expect(painted, "no frame yet").toBe(0);
    runFrame();
    expect(painted, "not while the frame is still rendering").toBe(0);
    await afterPaintTask();
    expect(painted).toBe(1);
    runFrame();
    await afterPaintTask();
    expect(painted).toBe(1);
  });

  it("uses a user-blocking scheduler task where the browser has one, so page scripts queue behind it", () => {
    const tasks: { task: () => void; options: unknown }[] = [];
    Object.assign(globalThis, {
      scheduler: { postTask: (task: () => void, options: unknown) => tasks.push({ task, options }) },
    });
    try {
      let painted = 0;
      afterNextPaint(() => painted++);
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
    ["before the frame", false],
    ["between the frame and its paint", true],
  ])("says nothing once cancelled %s", async (_, frameFirst) => {
    let painted = 0;
    const cancel = afterNextPaint(() => painted++);
    if (frameFirst) runFrame();
    cancel();
    runFrame();
    await afterPaintTask();
    expect(painted).toBe(0);
  });
});
