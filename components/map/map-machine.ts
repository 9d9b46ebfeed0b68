/**
 * The map's handover from the server-rendered SVG to MapLibre, as one state machine. Its phase is exactly what the
 * map publishes: data-renderer (which drawing is on screen) and data-state (whether that drawing shows every seat's
 * value). Everything else the map shows (the WebGL failure note, smooth SVG edges) and when MapLibre boots are read
 * from the same state (docs/decisions/0040-maplibre-boot-when.md).
 */

/** Which drawing is on screen: the server-rendered SVG until MapLibre has painted every seat, then WebGL. */
export type MapRenderer = "svg" | "webgl";
/** Whether the drawing on screen shows every seat's value; error: no drawing ever will. */
export type MapReadiness = "loading" | "ready" | "error";

export type MapPhase = "svg-loading" | "svg-ready" | "svg-error" | "webgl-loading" | "webgl-ready";

/** Why MapLibre gave up, leaving the SVG as the map. */
export type WebglFailure = "webgl" | "shapes";

/**
 * When MapLibre boots: by itself once the SVG's first frame is on screen, or at the reader's first pan or zoom on
 * the map (a touch screen, whose taps its boot would hold up while the SVG already answers them).
 */
export type BootWhen = "after-paint" | "on-gesture";

/** Why MapLibre may boot now: the SVG's first frame was shown, or never came in time, or the reader panned or zoomed. */
export type BootCause = "svg-shown" | "svg-late" | "gesture";

export interface MapMachine {
  phase: MapPhase;
  /** Null until the browser has said what kind of pointer it has. */
  bootWhen: BootWhen | null;
  /** MapLibre has been asked to boot (it stays booted). */
  booting: boolean;
  /** The SVG's seats have been painted once (they stay drawn underneath MapLibre). */
  svgPainted: boolean;
  /** The SVG could not load its seat shapes (a map drawn in the browser fetches them). */
  svgShapesFailed: boolean;
  /** Set once MapLibre has given up; the SVG is then the map for good. */
  webglFailure: WebglFailure | null;
}

export type MapEvent =
  /** The browser has painted a frame with the SVG's seats. */
  | { type: "svg-painted" }
  /** The SVG's seat shapes could not be fetched. */
  | { type: "svg-failed" }
  /** MapLibre has painted every seat with its value. */
  | { type: "webgl-drawn" }
  /** MapLibre is drawing new shapes or values (map ⇄ hex) and will say when it has. */
  | { type: "webgl-redrawing" }
  /** MapLibre is unavailable: no WebGL, or its shapes could not load. */
  | { type: "webgl-failed"; reason: WebglFailure }
  /** The browser's primary pointer is known: coarse (touch) or not. */
  | { type: "pointer-known"; coarse: boolean }
  /** Something that may boot MapLibre happened. */
  | { type: "boot-due"; cause: BootCause };

export const INITIAL_MAP_MACHINE: MapMachine = {
  phase: "svg-loading",
  bootWhen: null,
  booting: false,
  svgPainted: false,
  svgShapesFailed: false,
  webglFailure: null,
};

/** The SVG's own phase, for when it is (again) the drawing on screen. */
function svgPhase(machine: Omit<MapMachine, "phase">): MapPhase {
  if (machine.svgPainted) return "svg-ready";
  // With neither WebGL nor the SVG's shapes, no seat will ever be painted.
  return machine.svgShapesFailed && machine.webglFailure ? "svg-error" : "svg-loading";
}

/** Whether `cause` boots MapLibre under this policy. */
function boots(when: BootWhen | null, cause: BootCause): boolean {
  return cause === "gesture" || when === "after-paint";
}

export function mapReducer(machine: MapMachine, event: MapEvent): MapMachine {
  switch (event.type) {
    case "pointer-known":
      return machine.bootWhen
        ? machine
        : { ...machine, bootWhen: event.coarse ? "on-gesture" : "after-paint" };
    case "boot-due":
      return machine.booting || !boots(machine.bootWhen, event.cause)
        ? machine
        : { ...machine, booting: true };
    case "svg-painted": {
      if (machine.svgPainted) return machine;
      const next = { ...machine, svgPainted: true };
      return machine.phase.startsWith("svg") ? { ...next, phase: svgPhase(next) } : next;
    }
    case "svg-failed": {
      // With no SVG to answer taps, MapLibre boots whatever the pointer.
      const next = { ...machine, svgShapesFailed: true, booting: true };
      return machine.phase.startsWith("svg") ? { ...next, phase: svgPhase(next) } : next;
    }
    case "webgl-drawn":
      return machine.webglFailure || machine.phase === "webgl-ready"
        ? machine
        : { ...machine, phase: "webgl-ready" };
    case "webgl-redrawing":
      return machine.phase === "webgl-ready" ? { ...machine, phase: "webgl-loading" } : machine;
    case "webgl-failed": {
      // The SVG, still drawn underneath, takes over again rather than leaving a blank map.
      const next = { ...machine, webglFailure: machine.webglFailure ?? event.reason };
      return { ...next, phase: svgPhase(next) };
    }
  }
}

/** What the map container publishes: data-renderer and data-state. */
export function published(phase: MapPhase): { renderer: MapRenderer; state: MapReadiness } {
  const [renderer, state] = phase.split("-") as [MapRenderer, MapReadiness];
  return { renderer, state };
}
