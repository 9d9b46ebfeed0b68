import type { Metadata } from "next";
import { EmbedScreen } from "@/components/share/EmbedScreen";
import {
  loadPetitionOrNotFound,
  petitionIdOrNotFound,
  loadedPetitionForMetadata,
  type PetitionPageProps,
} from "@/lib/load/page";
import { sharePreviewMetadata } from "@/lib/share/metadata";
import { serverViewState } from "@/lib/view-state";

/** The embed's previews and canonical URL are the full view's; search engines index that, not the frame. */
export async function generateMetadata({ params, searchParams }: PetitionPageProps): Promise<Metadata> {
  const loaded = await loadedPetitionForMetadata(params);
  if (!loaded) return { title: "Petition not found", robots: { index: false } };
  return {
    title: loaded.load.petition.action,
    robots: { index: false },
    ...sharePreviewMetadata(loaded, `/petitions/${loaded.load.petition.id}`, await searchParams),
  };
}

/** /embed/petitions/ID?area=…&metric=…: the same view as the full page, in minimal chrome for an iframe. */
export default async function EmbedPage({ params, searchParams }: PetitionPageProps) {
  const id = petitionIdOrNotFound((await params).id);
  const viewState = serverViewState(await searchParams);
  return <EmbedScreen loaded={await loadPetitionOrNotFound(id)} viewState={viewState} />;
}
