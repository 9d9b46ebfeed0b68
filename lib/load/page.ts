import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isPetitionError, petitionIdOf } from "@/lib/petitions";
import type { PageSearchParams } from "@/lib/search-params";
import { loadPetition, type LoadedPetition } from "./petition";

export type PetitionPageParams = Promise<{ id: string }>;

/** What the petition's routes (the full page and its embed) are given. */
export interface PetitionPageProps {
  params: PetitionPageParams;
  searchParams: PageSearchParams;
}

/** A petition id from a route segment: 1–9 digits, else the 404 page. */
export function petitionIdOrNotFound(raw: string): number {
  return petitionIdOf(raw) ?? notFound();
}

/** One load per request, shared by metadata and page; an unknown petition becomes the 404 page. */
export const loadPetitionOrNotFound = cache(async (id: number) => {
  try {
    return await loadPetition(id);
  } catch (error) {
    // Other failures reach error.tsx; the proxy has already answered them with a whole error page.
    if (isPetitionError(error) && error.kind === "not-found") notFound();
    throw error;
  }
});

/** For metadata, which must never fail the page: the page itself answers 404s and upstream failures. */
export async function loadedPetitionForMetadata(params: PetitionPageParams): Promise<LoadedPetition | null> {
  const id = petitionIdOf((await params).id);
  return id === null ? null : loadPetition(id).catch(() => null);
}
