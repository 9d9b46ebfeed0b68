/**
 * Calls `painted` during the first frame that lays out and paints the map's SVG seats (from its animation-frame
 * callback, so the attribute it sets reaches the screen with them), and returns a stop function. Its source also
 * runs as an inline script before React hydrates (svgPaintScript), so it must stay self-contained: no imports.
 */
export function watchSvgPaint(map: Element, painted: () => void): () => void {
  let stopped = false;
  let frame = 0;
  const check = () => {
    if (stopped) return;
    const shape = map.querySelector<SVGGraphicsElement>("svg [data-seats] > a");
    // Seats the browser draws from the sprite file measure nothing until that file has arrived.
    if (shape && shape.getBBox().width > 0) painted();
    else frame = requestAnimationFrame(check);
  };
  frame = requestAnimationFrame(check);
  return () => {
    stopped = true;
    cancelAnimationFrame(frame);
  };
}

/**
 * Placed right after the map container: marks it ready as soon as the server-rendered SVG is on screen, without
 * waiting for the page's scripts. React takes the same state over when it hydrates.
 */
export const svgPaintScript = `(function(map){(${watchSvgPaint.toString()})(map,function(){if(map.getAttribute("data-renderer")==="svg"&&map.getAttribute("data-state")==="loading")map.setAttribute("data-state","ready")})})(document.currentScript.previousElementSibling)`;
