import { describe, expect, it } from "vitest";
import { escapeMarkup } from "./markup";

describe("escapeMarkup", () => {
  it.each([
    ["a < b & c > d", "a &lt; b &amp; c &gt; d"],
    [`say "hi" and 'bye'`, "say &quot;hi&quot; and &#39;bye&#39;"],
    ["&amp; stays literal", "&amp;amp; stays literal"],
    ["bell\u0007 and nul\u0000 go", "bell and nul go"],
    ["Ynys Môn · £5 ✓", "Ynys Môn · £5 ✓"],
  ])("%j → %j", (input, expected) => {
    expect(escapeMarkup(input)).toBe(expected);
  });
});
