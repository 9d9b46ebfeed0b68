import type { PostcodeBody } from "@/lib/api/types";
import { loadPostcodeIndex, lookupPostcode, type PostcodeLookup } from "@/lib/postcodes";

export const runtime = "nodejs";

/**
 * A postcode says where someone lives: its answer is kept by no shared cache and no browser history. Answers change
 * only when the index does, which its version (in the ETag) tracks.
 */
const CACHE_CONTROL = "private, no-store";

function bodyAndStatus(lookup: PostcodeLookup): { status: number; body: PostcodeBody } {
  switch (lookup.kind) {
    case "found":
      return {
        status: 200,
        body: { postcode: lookup.postcode, location: lookup.location, sets: lookup.sets },
      };
    case "invalid":
      return { status: 400, body: { error: lookup.message } };
    case "unknown":
      return { status: 404, body: { error: lookup.message, postcode: lookup.postcode } };
    case "crown-dependency":
      return {
        status: 404,
        body: { error: lookup.message, postcode: lookup.postcode, crownDependency: true },
      };
  }
}

/** GET /api/postcodes/{postcode}: the postcode's 2010-set and 2024-set constituencies. */
export async function GET(request: Request, { params }: { params: Promise<{ postcode: string }> }) {
  try {
    const lookup = await lookupPostcode((await params).postcode);
    const { status, body } = bodyAndStatus(lookup);
    const headers = new Headers({ "Cache-Control": CACHE_CONTROL });
    if (lookup.kind === "found" || lookup.kind === "unknown") {
      const etag = `"${(await loadPostcodeIndex()).meta.version}"`;
      headers.set("ETag", etag);
      if (request.headers.get("If-None-Match")?.includes(etag))
        return new Response(null, { status: 304, headers });
    }
    return Response.json(body, { status, headers });
  } catch (error) {
    console.error("postcode lookup failed", error);
    return Response.json(
      { error: "Postcode lookup is unavailable just now. Please try again shortly." },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "30" } },
    );
  }
}
