/**
 * The map's handover from the server-rendered SVG to MapLibre, as one state machine. Its phase is exactly what the
 * map publishes: data-renderer (which drawing is on screen) and data-state (whether that drawing shows every seat's
 * value). Everything else the map shows (the WebGL failure note, smooth SVG edges) is read from the same state.
 */

/** Which drawing is on screen: the server-rendered SVG until MapLibre has painted every seat, then WebGL. */
export type MapRenderer = "svg" | "webgl";
/** Whether the drawing on screen shows every seat's value; error: no drawing ever will. */
export type MapReadiness = "loading" | "ready" | "error";

export type MapPhase = "svg-loading" | "svg-ready" | "svg-error" | "webgl-loading" | "webgl-ready";

/** Why MapLibre gave up, leaving the SVG as the map. */
export type WebglFailure = "webgl" | "shapes";

export interface MapMachine {
  phase: MapPhase;
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
  | { type: "webgl-failed"; reason: WebglFailure };

export const INITIAL_MAP_MACHINE: MapMachine = {
  phase: "svg-loading",
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

export function mapReducer(machine: MapMachine, event: MapEvent): MapMachine {
  switch (event.type) {
    case "svg-painted": {
      if (machine.svgPainted) return machine;
      const next = { ...machine, svgPainted: true };
      return machine.phase.startsWith("svg") ? { ...next, phase: svgPhase(next) } : next;
    }
    case "svg-failed": {
      const next = { ...machine, svgShapesFailed: true };
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
