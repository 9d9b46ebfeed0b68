/**
 * Calls `painted` once the browser has painted the first frame in which the map's SVG seats are laid out (in the
 * task right after that frame's rendering, the usual "after next paint"), and returns a stop function. Its source
 * also runs as an inline script before React hydrates (svgPaintScript), so it must stay self-contained: no imports.
 */
export function watchSvgPaint(map: Element, painted: () => void): () => void {
  let stopped = false;
  let frame = 0;
  const check = () => {
    if (stopped) return;
    const shape = map.querySelector<SVGGraphicsElement>("svg [data-seats] > a");
    // Seats the browser draws from the seat paths file measure nothing until that file has arrived.
    if (!shape || shape.getBBox().width === 0) {
      frame = requestAnimationFrame(check);
      return;
    }
    // This frame paints the seats: report in the first task after its rendering, ahead of the page's scripts.
    const report = () => stopped || painted();
    const { scheduler } = globalThis as {
      scheduler?: { postTask(task: () => void, options: object): unknown };
    };
    if (scheduler) {
      scheduler.postTask(report, { priority: "user-blocking" });
      return;
    }
    const afterPaint = new MessageChannel();
    afterPaint.port1.onmessage = () => {
      afterPaint.port1.close();
      report();
    };
    afterPaint.port2.postMessage(null);
  };
  frame = requestAnimationFrame(check);
  return () => {
    stopped = true;
    cancelAnimationFrame(frame);
  };
}

/**
 * Placed right after the map container: marks it ready as soon as the server-rendered SVG has been painted, without
 * waiting for the page's scripts. React takes the same state over when it hydrates.
 */
export const svgPaintScript = `(function(map){(${watchSvgPaint.toString()})(map,function(){if(map.getAttribute("data-renderer")==="svg"&&map.getAttribute("data-state")==="loading")map.setAttribute("data-state","ready")})})(document.currentScript.previousElementSibling)`;
