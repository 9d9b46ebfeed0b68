/**
 * Observers of every successful upstream fetch of one petition (the signature history records snapshots from
 * them). Kept on globalThis: instrumentation, proxy and pages are bundled apart but share one process.
 */
import type { Petition } from "./types";

export type PetitionFetchedListener = (petition: Petition, fetchedAt: number) => void;

const processWide = globalThis as typeof globalThis & {
  __petitionAtlasFetched?: Set<PetitionFetchedListener>;
};

function listeners(): Set<PetitionFetchedListener> {
  processWide.__petitionAtlasFetched ??= new Set();
  return processWide.__petitionAtlasFetched;
}

/** Calls `listener` after each successful fetch; returns the function that stops it. */
export function onPetitionFetched(listener: PetitionFetchedListener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** A failing observer is logged and never fails the fetch that fed it. */
export function notifyPetitionFetched(petition: Petition, fetchedAt = Date.now()): void {
  for (const listener of listeners()) {
    try {
      listener(petition, fetchedAt);
    } catch (error) {
      console.error(
        JSON.stringify({ event: "fetch-observer-error", petition: petition.id, error: String(error) }),
      );
    }
  }
}
