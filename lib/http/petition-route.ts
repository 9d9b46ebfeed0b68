import "server-only";
import { isPetitionError, petitionIdOf } from "@/lib/petitions";
import { loadPetition, UnknownBoundaryError, type LoadedPetition } from "@/lib/load/petition";

const FRESH_SECONDS = 60;

/**
 * Shared by the JSON and CSV routes: validates the id, loads the petition, and turns every failure into an honest
 * status with a message, never a stack trace.
 */
export async function petitionRouteResponse(
  rawId: string,
  render: (loaded: LoadedPetition) => Response,
): Promise<Response> {
  const id = petitionIdOf(rawId);
  if (id === null) return errorResponse(400, "A petition id is a number, e.g. 575833.");
  try {
    const loaded = await loadPetition(id);
    const response = render(loaded);
    const maxAge = loaded.load.source === "embedded" ? 86400 : FRESH_SECONDS;
    response.headers.set(
      "Cache-Control",
      `public, max-age=${loaded.load.stale ? 0 : maxAge}, s-maxage=${maxAge}, stale-while-revalidate=${maxAge * 5}`,
    );
    return response;
  } catch (error) {
    if (isPetitionError(error)) return errorResponse(error.status, error.message, error.retryAfterSeconds);
    if (error instanceof UnknownBoundaryError) return errorResponse(502, error.message);
    console.error(JSON.stringify({ event: "route-error", petition: rawId, error: String(error) }));
    return errorResponse(503, "Something went wrong on our side. Please try again shortly.");
  }
}

function errorResponse(status: number, message: string, retryAfterSeconds: number | null = null): Response {
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (retryAfterSeconds !== null) headers.set("Retry-After", String(retryAfterSeconds));
  return Response.json({ error: message }, { status, headers });
}
