import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkup, wrapText } from "./text";

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

describe("wrapText", () => {
  it("keeps every word, in order, when the text fits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zé]{1,12}$/), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 12, max: 60 }),
        (words, maxChars) => {
          const lines = wrapText(words.join(" "), maxChars, 100);
          expect(lines.join(" ")).toBe(words.join(" "));
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(maxChars);
        },
      ),
    );
  });

  it("cuts to the line limit with an ellipsis", () => {
    const lines = wrapText("one two three four five six seven eight nine ten", 9, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("one two");
    expect(lines[1]?.endsWith("…")).toBe(true);
    expect(lines[1]?.length).toBeLessThanOrEqual(9);
  });

  it("breaks a word longer than a line", () => {
    expect(wrapText("abcdefghij", 4, 5)).toEqual(["abcd", "efgh", "ij"]);
  });
});
