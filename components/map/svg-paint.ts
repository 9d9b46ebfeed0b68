/**
 * Runs `painted` in the first task after the browser has rendered (and painted) its next frame: the usual "after
 * next paint". A user-blocking scheduler task comes ahead of the page's other scripts; a MessageChannel message,
 * the fallback, queues behind them. Returns a function that cancels it.
 */
export function afterNextPaint(painted: () => void): () => void {
  let cancelled = false;
  const report = () => cancelled || painted();
  const frame = requestAnimationFrame(() => {
    const { scheduler } = globalThis as {
      scheduler?: { postTask(task: () => void, options: object): unknown };
    };
    if (scheduler) {
      scheduler.postTask(report, { priority: "user-blocking" });
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      report();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}

let firstContent: Promise<void> | null = null;

/**
 * Resolves once the browser reports that it has shown the page's first contentful frame (at once if it already
 * has). A document paints it once, so every caller shares one observer.
 */
export function firstContentShown(): Promise<void> {
  return (firstContent ??= new Promise((resolve) => {
    if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return resolve();
    const observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName("first-contentful-paint").length === 0) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: "paint", buffered: true });
  }));
}

/**
 * The inline script placed right after the map container in the server's HTML: once the frame that draws the
 * server-rendered seats has been painted, it marks the map ready, without waiting for the page's scripts (React
 * then takes the state over when it hydrates). The same bytes for every page and reader, so a Content-Security-
 * Policy can allow it by its hash; afterNextPaint is the same timing for maps React draws itself.
 */
export const SVG_PAINT_SCRIPT =
  "(function(map){" +
  'if(!map||!map.querySelector("svg [data-seats] > a"))return;' +
  "function stamp(){" +
  'if(map.getAttribute("data-renderer")==="svg"&&map.getAttribute("data-state")==="loading")' +
  'map.setAttribute("data-state","ready")}' +
  "requestAnimationFrame(function(){" +
  'var s=self.scheduler;if(s){s.postTask(stamp,{priority:"user-blocking"});return}' +
  "var c=new MessageChannel();c.port1.onmessage=function(){c.port1.close();stamp()};c.port2.postMessage(null)" +
  "})" +
  "})(document.currentScript.previousElementSibling)";
