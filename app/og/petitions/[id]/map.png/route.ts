import {
  BAD_PETITION_ID,
  petitionErrorResponse,
  petitionFailureOf,
  type PetitionFailure,
} from "@/lib/http/petition-error";
import { loadPetition } from "@/lib/load/petition";
import { petitionIdOf } from "@/lib/petitions";
import { previewImagePath } from "@/lib/share/links";
import { PreviewBusyError, previewArea, renderPreviewPng } from "@/lib/share/preview-png";
import { parseViewState } from "@/lib/view-state";

/**
 * Crawlers fetch a preview once per share: five minutes in browsers, an hour in shared caches and CDNs, which may
 * serve it a day longer while they fetch a new one.
 */
const CACHE_CONTROL = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";
/** How long to wait when every drawing slot and queue place is taken. */
const BUSY_RETRY_SECONDS = 5;

/** The link-preview image (1200×630 PNG) of a petition's view: ?metric= colours it, ?area= outlines a seat. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = petitionIdOf((await params).id);
  if (id === null) return petitionErrorResponse(BAD_PETITION_ID, { as: "text" });
  try {
    const loaded = await loadPetition(id, { momentum: true });
    const { metric, area } = parseViewState(new URL(request.url).searchParams);
    const seat = previewArea(loaded, area);
    // A code that is no seat of this petition outlines nothing: one image, kept once, for every such code.
    if (seat !== area) {
      const location = previewImagePath(id, { metric, area: seat });
      return new Response(null, {
        status: 308,
        headers: { Location: location, "Cache-Control": CACHE_CONTROL },
      });
    }
    const png = await renderPreviewPng(loaded, { metric, area: seat });
    return new Response(new Uint8Array(png), {
      headers: { "Content-Type": "image/png", "Cache-Control": CACHE_CONTROL },
    });
  } catch (error) {
    if (error instanceof PreviewBusyError) {
      const busy: PetitionFailure = {
        kind: "busy",
        status: 503,
        message: error.message,
        retryAfterSeconds: BUSY_RETRY_SECONDS,
      };
      return petitionErrorResponse(busy, { as: "text" });
    }
    return petitionErrorResponse(petitionFailureOf(error, { route: "preview-image", petition: id }), {
      as: "text",
    });
  }
}
