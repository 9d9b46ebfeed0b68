/** Text laid out for SVG documents built as strings. */

/**
 * Greedy word wrap to at most `maxLines` lines of about `maxChars` characters; the last line ends in "…" when text
 * is cut. A word longer than a line is broken.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (let word of words) {
    while (word.length > maxChars) {
      if (current) lines.push(current);
      lines.push(word.slice(0, maxChars));
      current = "";
      word = word.slice(maxChars);
    }
    const joined = current ? `${current} ${word}` : word;
    if (joined.length <= maxChars) current = joined;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? "";
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`;
  return kept;
}
