import { afterEach, describe, expect, it, vi } from "vitest";
import seedJson from "@/data/petitions/575833.json";
import { comparePetitions } from "@/lib/compare/compare";
import { formatCorrelation } from "@/lib/compare/csv";
import { buildLoadedPetition } from "@/lib/load/petition";
import type { Petition } from "@/lib/petitions/types";
import { reshapePetition } from "@/lib/petitions/reshape";
import archivedFixture from "@/test/upstream/fixtures/600001.json";
import { openPetition } from "@/test/history/petitions";
import { comparePreviewMetadata, publicBaseUrl, sharePreviewMetadata } from "./metadata";

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

describe("comparePreviewMetadata", () => {
  const load = (petition: Petition) =>
    buildLoadedPetition({ petition, asOf: petition.updatedAt ?? "", stale: false, source: "live" });
  const listed = (petition: Petition) => new Set(petition.byConstituency.map((row) => row.code));

  it("describes the correlations and the leaning seats, with both petitions' maps as images", () => {
    const seed = reshapePetition(seedJson);
    const archived = reshapePetition(structuredClone(archivedFixture));
    const [a, b] = [load(seed), load(archived)];
    const comparison = comparePetitions(a.joined, b.joined, { a: listed(seed), b: listed(archived) });
    const metadata = comparePreviewMetadata({ ok: true, a, b, comparison });
    const description = String(metadata.openGraph?.description);
    expect(description).toContain(`Pearson r ${formatCorrelation(comparison.pearson)}`);
    expect(description).toContain(`Spearman ρ ${formatCorrelation(comparison.spearman)}`);
    expect(description).toContain(`Leans most to A: ${comparison.mostA[0]!.name}.`);
    expect(description).toContain(`Leans most to B: ${comparison.mostB[0]!.name}.`);
    expect(metadata.title).toBe(`"${seed.action}" and "${archived.action}" compared`);
    expect(metadata.alternates?.canonical).toBe(`/compare/${seed.id}/${archived.id}`);
    const { og, twitter } = imagesOf(metadata);
    expect(og.map((image) => (image as { url: string }).url)).toEqual([
      `/og/petitions/${seed.id}/map.png?metric=rate`,
      `/og/petitions/${archived.id}/map.png?metric=rate`,
    ]);
    expect(twitter).toEqual(og);
  });

  it("says why petitions on different boundary sets are not compared", () => {
    const metadata = comparePreviewMetadata({
      ok: false,
      a: load(reshapePetition(seedJson)),
      b: load(openPetition()),
    });
    expect(metadata.description).toBe(
      "Not comparable yet: A is on the 2010 constituencies, B on the 2024 ones.",
    );
  });
});
