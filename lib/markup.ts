/** The one escaper for HTML and SVG built as strings (server-rendered seats, preview images, embed code, error page). */

const ESCAPED: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
/** What needs escaping, and the characters XML 1.0 forbids outright (a petition title may have them). */
const UNSAFE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text made safe for a text node or a double- or single-quoted attribute, in one pass; forbidden characters go. */
export function escapeMarkup(text: string): string {
  return text.replace(UNSAFE, (character) => ESCAPED[character] ?? "");
}
