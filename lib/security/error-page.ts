/**
 * Small, self-contained HTML error pages: a petition that cannot be shown, an address that cannot be read, a client
 * over its rate limit.
 */
import { escapeMarkup } from "@/lib/markup";
import { EMBED_FRAME_ANCESTORS } from "./csp";

const HEADINGS: Record<number, string> = {
  502: "The petitions site sent an answer we could not use",
  503: "The petitions site cannot be reached just now",
  504: "The petitions site is taking too long to answer",
};

/**
 * Status, heading and a "Try again" link back to the same address; no scripts and no styles from elsewhere, so
 * it needs nothing from the app to display. `retryPath` must be a same-site path (it is the request's own).
 */
export function petitionErrorPage({
  status,
  petitionId,
  retryPath,
  detail,
  frameable = false,
  busy = false,
  retryAfterSeconds = 30,
}: {
  status: number;
  petitionId: number;
  retryPath: string;
  detail: string;
  /** In an /embed/* iframe the page must be allowed to show there. */
  frameable?: boolean;
  /** We did not ask the petitions site: our own budget of requests to it is spent for now. */
  busy?: boolean;
  retryAfterSeconds?: number;
}): Response {
  const heading = busy
    ? "Busy, try again in a moment"
    : (HEADINGS[status] ?? "This petition cannot be shown just now");
  const safePath = retryPath.startsWith("/") && !retryPath.startsWith("//") ? retryPath : "/";
  return errorPage(status, heading, {
    paragraphs: [
      `We could not load petition ${petitionId} and have no saved copy of it to show instead.`,
      `${escapeMarkup(detail.replace(/\.$/, ""))}.`,
      `<a href="${escapeMarkup(safePath)}">Try again</a> in a minute, or go to <a href="/">the Petition Atlas home page</a>.`,
    ],
    frameable,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

/** A request this site can never answer as asked (a malformed or overlong address): the reason, and a way home. */
export function badRequestPage(status: number, message: string): Response {
  return errorPage(status, "This address is not one we can read", {
    paragraphs: [escapeMarkup(message), `Go to <a href="/">the Petition Atlas home page</a>.`],
    frameable: false,
    headers: {},
  });
}

/** The page a client sees once it has used up its allowance (429): when to come back, nothing else. */
export function tooManyRequestsPage({
  retryAfterSeconds,
  message,
  frameable = false,
}: {
  retryAfterSeconds: number;
  message: string;
  frameable?: boolean;
}): Response {
  return errorPage(429, "Too many requests", {
    paragraphs: [escapeMarkup(message), `Or go to <a href="/">the Petition Atlas home page</a>.`],
    frameable,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

/** A whole HTML page with no scripts and no styles from elsewhere, so it needs nothing from the app to display. */
function errorPage(
  status: number,
  heading: string,
  {
    paragraphs,
    frameable,
    headers,
  }: { paragraphs: string[]; frameable: boolean; headers: Record<string, string> },
): Response {
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeMarkup(heading)} · Petition Atlas</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<main>
<h1>${escapeMarkup(heading)}</h1>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n")}
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      ...headers,
      // Plain HTML with one style attribute: it needs nothing else, so it may load nothing else.
      "Content-Security-Policy":
        "default-src 'none'; style-src-attr 'unsafe-inline'; base-uri 'none'; form-action 'none'" +
        `; frame-ancestors ${frameable ? EMBED_FRAME_ANCESTORS : "'none'"}`,
      ...(frameable ? {} : { "X-Frame-Options": "DENY" }),
    },
  });
}
