import { afterEach, describe, expect, it, vi } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { buildLoadedPetition } from "@/lib/load/petition";
import { reshapePetition } from "@/lib/petitions/reshape";
import { publicBaseUrl, sharePreviewMetadata } from "./metadata";

const loaded = buildLoadedPetition({
  petition: reshapePetition(seedJson),
  asOf: seedJson.data.attributes.updated_at,
  stale: false,
  source: "embedded",
});
const salford = seedJson.data.attributes.signatures_by_constituency.find(
  (seat) => seat.name === "Salford and Eccles",
);

function imagesOf(metadata: ReturnType<typeof sharePreviewMetadata>) {
  const og = metadata.openGraph?.images;
  const twitter = metadata.twitter?.images;
  return { og: Array.isArray(og) ? og : [og], twitter: Array.isArray(twitter) ? twitter : [twitter] };
}

describe("sharePreviewMetadata", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("points the Open Graph and Twitter images at the same view, 1200×630", () => {
    const metadata = sharePreviewMetadata(loaded, "/petitions/575833", {
      area: salford?.ons_code,
      metric: "rate",
      at: "53.5,-2.3,9",
    });
    const { og, twitter } = imagesOf(metadata);
    const expectedImage = `/og/petitions/575833/map.png?area=${salford?.ons_code}&metric=rate`;
    expect(og[0]).toMatchObject({ url: expectedImage, width: 1200, height: 630 });
    expect(twitter[0]).toMatchObject({ url: expectedImage });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image" });
    expect(metadata.alternates?.canonical).toBe(
      `/petitions/575833?area=${salford?.ons_code}&metric=rate&at=53.5,-2.3,9`,
    );
    expect(metadata.openGraph?.description).toContain(
      `${salford?.name}: ${salford?.signature_count.toLocaleString("en-GB")} signatures`,
    );
  });

  it("drops a seat that is not in the petition's boundary set", () => {
    const metadata = sharePreviewMetadata(loaded, "/", { area: "E14001063" });
    expect(imagesOf(metadata).og[0]).toMatchObject({ url: "/og/petitions/575833/map.png" });
    expect(metadata.alternates?.canonical).toBe("/");
  });

  it.each([
    ["https://atlas.example", "https://atlas.example/"],
    ["", "http://localhost:3000/"],
    ["not a url", "http://localhost:3000/"],
  ])("takes the base URL from PUBLIC_BASE_URL=%j", (raw, expected) => {
    vi.stubEnv("PUBLIC_BASE_URL", raw);
    expect(publicBaseUrl().href).toBe(expected);
    expect(String(sharePreviewMetadata(loaded, "/", {}).metadataBase)).toBe(expected);
  });
});
