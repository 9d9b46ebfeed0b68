import type { Metadata } from "next";
import { comparisonHref, type ComparedSeat } from "@/lib/compare/compare";
import { formatCorrelation } from "@/lib/compare/csv";
import type { ComparisonLoad } from "@/lib/compare/load";
import type { LoadedPetition } from "@/lib/load/petition";
import { METRIC_LABELS } from "@/lib/metric-labels";
import { buildViewHref, DEFAULT_VIEW, parseViewState } from "@/lib/view-state";
import { previewImagePath, shareDescription } from "./links";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from "./preview-svg";

const DEFAULT_BASE_URL = "http://localhost:3000";

/** Where the site is published (PUBLIC_BASE_URL): link previews need absolute URLs. */
export function publicBaseUrl(raw = process.env.PUBLIC_BASE_URL): URL {
  try {
    return new URL(raw || DEFAULT_BASE_URL);
  } catch {
    return new URL(DEFAULT_BASE_URL);
  }
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Link-preview metadata for the exact view a URL shows: Open Graph and Twitter cards whose image carries the
 * same metric and seat, and the view's own URL as canonical.
 */
export function sharePreviewMetadata(
  loaded: LoadedPetition,
  pathname: string,
  searchParams: SearchParams,
): Metadata {
  const { petition } = loaded.load;
  const parsed = parseViewState(searchParams);
  // A seat outside this petition's boundary set is ignored, as the page ignores it.
  const area = loaded.joined.rows.some((row) => row.code === parsed.area) ? parsed.area : null;
  const state = { ...parsed, area };
  const url = buildViewHref(pathname, state);
  const description = shareDescription(petition.signatureCount, loaded.joined.rows, area);
  const image = {
    url: previewImagePath(petition.id, state),
    width: PREVIEW_WIDTH,
    height: PREVIEW_HEIGHT,
    type: "image/png",
    alt: `${METRIC_LABELS[state.metric]} by UK constituency: a map for the petition "${petition.action}"`,
  };
  return previewMetadata({ title: petition.action, description, url, images: [image] });
}

/**
 * Link-preview metadata for /compare/A/B: the correlations and the seats leaning furthest each way, with both
 * petitions' rate maps as images (the difference map has no image of its own).
 */
export function comparePreviewMetadata(load: ComparisonLoad): Metadata {
  const { a, b } = load;
  const [idA, idB] = [a.load.petition.id, b.load.petition.id];
  const title = `"${a.load.petition.action}" and "${b.load.petition.action}" compared`;
  const leans = (side: string, seat: ComparedSeat | undefined) =>
    seat ? [`Leans most to ${side}: ${seat.name}.`] : [];
  const description = load.ok
    ? [
        `Per-seat signatures per 1,000 electors: Pearson r ${formatCorrelation(load.comparison.pearson) || "n/a"}, ` +
          `Spearman ρ ${formatCorrelation(load.comparison.spearman) || "n/a"} over ${load.comparison.paired} seats.`,
        ...leans("A", load.comparison.mostA[0]),
        ...leans("B", load.comparison.mostB[0]),
      ].join(" ")
    : `Not comparable yet: A is on the ${a.joined.set} constituencies, B on the ${b.joined.set} ones.`;
  const images = ([a, b] as const).map((loaded, index) => ({
    url: previewImagePath(loaded.load.petition.id, { metric: "rate", area: null }),
    width: PREVIEW_WIDTH,
    height: PREVIEW_HEIGHT,
    type: "image/png",
    alt: `${METRIC_LABELS.rate} by UK constituency for petition ${index === 0 ? "A" : "B"}, "${loaded.load.petition.action}"`,
  }));
  return {
    title,
    description,
    ...previewMetadata({
      title,
      description,
      url: comparisonHref(idA, idB, load.ok ? load.comparison.measure : DEFAULT_VIEW.difference),
      images,
    }),
  };
}

type PreviewImage = { url: string; width: number; height: number; type: string; alt: string };

/** Open Graph and Twitter cards for a page, with its own URL as canonical (petition views, seat pages, comparisons). */
export function previewMetadata({
  title,
  description,
  url,
  images,
}: {
  title: string;
  description: string;
  url: string;
  images: PreviewImage[];
}): Metadata {
  return {
    metadataBase: publicBaseUrl(),
    alternates: { canonical: url },
    openGraph: {
      type: "website",
      siteName: "Petition Atlas",
      locale: "en_GB",
      title,
      description,
      url,
      images,
    },
    twitter: { card: "summary_large_image", title, description, images },
  };
}
