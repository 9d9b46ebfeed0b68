import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isPetitionError } from "@/lib/petitions";
import { loadPetitionView } from "./load";

/** One load per request, shared by metadata and page; an unknown petition becomes the 404 page. */
export const loadPetitionViewOrNotFound = cache(async (id: number) => {
  try {
    return await loadPetitionView(id);
  } catch (error) {
    if (isPetitionError(error) && error.kind === "not-found") notFound();
    throw error;
  }
});
