import sharp from "sharp";
import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { buildLoadedPetition } from "@/lib/load/petition";
import { reshapePetition } from "@/lib/petitions/reshape";
import { createPreviewRenderer, PreviewBusyError, previewArea, renderPreviewPng } from "./preview-png";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from "./preview-svg";

const loaded = buildLoadedPetition({
  petition: reshapePetition(seedJson),
  asOf: seedJson.data.attributes.updated_at,
  stale: false,
  source: "embedded",
});

async function decode(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const colours = new Set<number>();
  for (let index = 0; index < data.length; index += 3)
    colours.add((data[index]! << 16) | (data[index + 1]! << 8) | data[index + 2]!);
  return { info, colours, data };
}

describe("renderPreviewPng", () => {
  it("draws a 1200×630 PNG whose map has every class colour of the scale", async () => {
    const { info, colours } = await decode(await renderPreviewPng(loaded, { metric: "count", area: null }));
    expect([info.width, info.height]).toEqual([PREVIEW_WIDTH, PREVIEW_HEIGHT]);
    for (const colour of loaded.scales.count.colours)
      expect(colours.has(Number.parseInt(colour.slice(1), 16)), colour).toBe(true);
  });

  it("draws a different image for another metric or a selected seat", async () => {
    const plain = await renderPreviewPng(loaded, { metric: "count", area: null });
    const rate = await renderPreviewPng(loaded, { metric: "rate", area: null });
    const selected = await renderPreviewPng(loaded, { metric: "count", area: loaded.joined.rows[0]!.code });
    expect(rate.equals(plain)).toBe(false);
    expect(selected.equals(plain)).toBe(false);
    // A code that is no seat of this petition outlines nothing.
    expect((await renderPreviewPng(loaded, { metric: "count", area: "E99999999" })).equals(plain)).toBe(true);
  });
});

describe("createPreviewRenderer", () => {
  it("draws a few at a time, refuses beyond its queue, and logs each drawing with the running count", async () => {
    const lines: Record<string, unknown>[] = [];
    const renderer = createPreviewRenderer({
      concurrency: 2,
      maxWaiting: 3,
      log: (line) => lines.push(line),
    });
    const asked = Array.from({ length: 8 }, (_, n) =>
      renderer.render(loaded, { metric: "count", area: loaded.joined.rows[n]!.code }).then(
        () => "drawn",
        (error: unknown) => (error instanceof PreviewBusyError ? "busy" : String(error)),
      ),
    );
    const outcomes = await Promise.all(asked);
    // Two start at once and three wait; the other three are refused at once.
    expect(outcomes.filter((outcome) => outcome === "drawn")).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome === "busy")).toHaveLength(3);
    expect(renderer.renders).toBe(5);
    expect(lines.map((line) => line.renders)).toEqual([1, 2, 3, 4, 5]);
    expect(Math.max(...lines.map((line) => Number(line.active)))).toBeLessThanOrEqual(2);
    expect(lines[0]).toMatchObject({ event: "preview-render", petition: 575833, metric: "count" });
  });

  it("outlines only a seat of the petition's own boundary set", () => {
    const seat = loaded.joined.rows[0]!.code;
    expect(previewArea(loaded, seat)).toBe(seat);
    expect(previewArea(loaded, "E99999999")).toBeNull();
    expect(previewArea(loaded, null)).toBeNull();
  });
});
