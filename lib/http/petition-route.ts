import "server-only";
import { loadPetition, type LoadedPetition } from "@/lib/load/petition";
import { petitionIdOf } from "@/lib/petitions";
import { BAD_PETITION_ID, petitionErrorResponse, petitionFailureOf } from "./petition-error";

const FRESH_SECONDS = 60;

/**
 * Shared by the JSON and CSV routes: validates the id, loads the petition with its momentum, and turns every failure
 * into an honest status with a message (petitionErrorResponse).
 */
export async function petitionRouteResponse(
  rawId: string,
  render: (loaded: LoadedPetition) => Response,
): Promise<Response> {
  const id = petitionIdOf(rawId);
  if (id === null) return petitionErrorResponse(BAD_PETITION_ID, { as: "json" });
  try {
    const loaded = await loadPetition(id, { momentum: true });
    const response = render(loaded);
    const maxAge = loaded.load.source === "embedded" ? 86400 : FRESH_SECONDS;
    response.headers.set(
      "Cache-Control",
      `public, max-age=${loaded.load.stale ? 0 : maxAge}, s-maxage=${maxAge}, stale-while-revalidate=${maxAge * 5}`,
    );
    return response;
  } catch (error) {
    return petitionErrorResponse(petitionFailureOf(error, { route: "petition", petition: rawId }), {
      as: "json",
    });
  }
}
