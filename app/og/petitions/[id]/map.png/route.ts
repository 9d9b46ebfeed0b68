import { BAD_PETITION_ID, petitionErrorResponse, petitionFailureOf } from "@/lib/http/petition-error";
import { loadPetition } from "@/lib/load/petition";
import { petitionIdOf } from "@/lib/petitions";
import { renderPreviewPng } from "@/lib/share/preview-png";
import { parseViewState } from "@/lib/view-state";

/** Crawlers fetch a preview once per share; five minutes in browsers, an hour in shared caches. */
const CACHE_CONTROL = "public, max-age=300, s-maxage=3600";

/** The link-preview image (1200×630 PNG) of a petition's view: ?metric= colours it, ?area= outlines a seat. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = petitionIdOf((await params).id);
  if (id === null) return petitionErrorResponse(BAD_PETITION_ID, { as: "text" });
  try {
    const loaded = await loadPetition(id, { momentum: true });
    const { metric, area } = parseViewState(new URL(request.url).searchParams);
    const png = await renderPreviewPng(loaded, { metric, area });
    return new Response(new Uint8Array(png), {
      headers: { "Content-Type": "image/png", "Cache-Control": CACHE_CONTROL },
    });
  } catch (error) {
    return petitionErrorResponse(petitionFailureOf(error, { route: "preview-image", petition: id }), {
      as: "text",
    });
  }
}
