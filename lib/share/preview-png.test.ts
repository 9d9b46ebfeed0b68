import sharp from "sharp";
import { describe, expect, it } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { buildLoadedPetition } from "@/lib/load/petition";
import { reshapePetition } from "@/lib/petitions/reshape";
import { renderPreviewPng } from "./preview-png";
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

  it("draws a different image for another metric or a selected seat, and the same one again from memory", async () => {
    const plain = await renderPreviewPng(loaded, { metric: "count", area: null });
    const rate = await renderPreviewPng(loaded, { metric: "rate", area: null });
    const selected = await renderPreviewPng(loaded, { metric: "count", area: loaded.joined.rows[0]!.code });
    expect(rate.equals(plain)).toBe(false);
    expect(selected.equals(plain)).toBe(false);
    expect(await renderPreviewPng(loaded, { metric: "count", area: null })).toBe(plain);
  });
});
