import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrapText } from "./text";

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
