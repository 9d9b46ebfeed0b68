/**
 * Which requests share a rendered answer: the path, plus only the view parameters that change the first frame,
 * normalised through the one view-state parser and builder. The camera (`at`) is applied in the browser, the
 * difference measure belongs to comparison pages, and any other parameter changes nothing, so neither can multiply the variants kept.
 */
import { decodeComponent } from "@/lib/http/request-target";
import { PETITION_ID_PATTERN } from "@/lib/petitions/input";
import { normalisePostcode } from "@/lib/postcodes/normalise";
import { previewImagePath } from "@/lib/share/links";
import { buildViewQuery, DEFAULT_VIEW, parseViewState } from "@/lib/view-state";

/** Pages that show a petition view; the query is part of their key. */
const VIEW_PAGE = new RegExp(`^(?:/|/(?:embed/)?petitions/${PETITION_ID_PATTERN})$`);
/** Pages and answers whose query changes nothing. */
const PLAIN_PATH = new RegExp(`^(?:/about|/api/petitions/${PETITION_ID_PATTERN})$`);
/** Link-preview images: only the metric and the outlined seat change them. */
const PREVIEW_IMAGE = new RegExp(`^/og/petitions/(${PETITION_ID_PATTERN})/map\\.png$`);

/** The cache key for a GET of `url`, or null when its answer is not shared between readers. */
export function renderKey(url: URL): string | null {
  if (PLAIN_PATH.test(url.pathname)) return url.pathname;
  const image = PREVIEW_IMAGE.exec(url.pathname)?.[1];
  if (image !== undefined) return previewImagePath(Number(image), parseViewState(url.searchParams));
  if (!VIEW_PAGE.test(url.pathname)) return null;
  return (
    url.pathname +
    buildViewQuery({
      ...parseViewState(url.searchParams),
      at: null,
      difference: DEFAULT_VIEW.difference,
    })
  );
}

const POSTCODE_PATH = /^\/api\/postcodes\/([^/]+)$/;

/**
 * The key of a postcode lookup: the postcode as the index spells it, so "sw1a1aa" and "SW1A 1AA" share one answer;
 * null for anything that is not a postcode lookup or not a well-formed postcode (Next answers those).
 */
export function postcodeKey(url: URL): string | null {
  const raw = POSTCODE_PATH.exec(url.pathname)?.[1];
  if (raw === undefined) return null;
  const decoded = decodeComponent(raw);
  const postcode = decoded === null ? null : normalisePostcode(decoded);
  return postcode === null ? null : `/api/postcodes/${encodeURIComponent(postcode)}`;
}
