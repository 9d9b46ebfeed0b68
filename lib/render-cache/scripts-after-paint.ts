/**
 * A rendered page whose scripts load once its first frame is on screen (docs/decisions/0073-scripts-after-paint.md).
 * Next writes its chunks as `<script src async>`: on a fast link they arrive before the first frame and their
 * evaluation and hydration hold that frame back; on a slow one they share the link with the page itself. The front
 * server (server.ts) rewrites each page once per render: Next's chunk scripts leave the markup, and one inline
 * script at the end of the body adds them once the browser reports its first contentful paint, at once in a hidden
 * tab or a browser without paint timing, and after FALLBACK_MS whatever happens. The server-rendered page works
 * without scripts (every seat and control is a link or a form), so nothing waits on them to be seen or used.
 */

/** `<script src="…" async=""></script>` as Next writes its chunks (attributes in this order, no others). */
const ASYNC_CHUNK = /<script src="(\/_next\/static\/[^"<>]+\.js)" async=""><\/script>/g;

/** At most this long after the loader runs, the chunks are added even if no paint was reported. */
export const FALLBACK_MS = 3_000;

/**
 * The loader as it runs in the page, `s` the chunks' URLs: a paint observer that sees the first contentful paint
 * (buffered, so one reported already counts) or the fallback timer adds them, whichever comes first.
 */
export function loaderScript(sources: readonly string[]): string {
  return (
    "(function(s){var d=0;function go(){if(d)return;d=1;s.forEach(function(u){" +
    'var e=document.createElement("script");e.src=u;e.async=true;document.head.appendChild(e)})}' +
    'var P=self.PerformanceObserver;if(document.visibilityState!=="visible"||!P||' +
    '(P.supportedEntryTypes||[]).indexOf("paint")<0)return go();' +
    'new P(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();go()}})' +
    `.observe({type:"paint",buffered:true});setTimeout(go,${FALLBACK_MS})})(${JSON.stringify(sources)})`
  );
}

/** The page with Next's chunk scripts moved into the loader at the end of its body; other HTML as it was. */
export function scriptsAfterPaint(html: string): string {
  const sources: string[] = [];
  const stripped = html.replace(ASYNC_CHUNK, (_tag, source: string) => {
    if (!sources.includes(source)) sources.push(source);
    return "";
  });
  const end = stripped.lastIndexOf("</body>");
  if (sources.length === 0 || end < 0) return html;
  return `${stripped.slice(0, end)}<script>${loaderScript(sources)}</script>${stripped.slice(end)}`;
}
