import { loadPetition, UnknownBoundaryError } from "@/lib/load/petition";
import { isPetitionError, petitionIdOf } from "@/lib/petitions";
import { renderPreviewPng } from "@/lib/share/preview-png";
import { parseViewState } from "@/lib/view-state";

/** Crawlers fetch a preview once per share; five minutes in browsers, an hour in shared caches. */
const CACHE_CONTROL = "public, max-age=300, s-maxage=3600";

/** The link-preview image (1200×630 PNG) of a petition's view: ?metric= colours it, ?area= outlines a seat. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = petitionIdOf((await params).id);
  if (id === null) return failure(400, "A petition id is a number, e.g. 575833.");
  try {
    const loaded = await loadPetition(id);
    const { metric, area } = parseViewState(new URL(request.url).searchParams);
    const png = await renderPreviewPng(loaded, { metric, area });
    return new Response(new Uint8Array(png), {
      headers: { "Content-Type": "image/png", "Cache-Control": CACHE_CONTROL },
    });
  } catch (error) {
    if (isPetitionError(error)) return failure(error.status, error.message);
    if (error instanceof UnknownBoundaryError) return failure(502, error.message);
    console.error(JSON.stringify({ event: "preview-image-error", petition: id, error: String(error) }));
    return failure(503, "The preview image could not be drawn. Please try again shortly.");
  }
}

function failure(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
