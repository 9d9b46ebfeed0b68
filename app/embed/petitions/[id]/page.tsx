import type { Metadata } from "next";
import { EmbedScreen } from "@/components/share/EmbedScreen";
import {
  loadPetitionViewOrNotFound,
  petitionIdOrNotFound,
  petitionViewForMetadata,
  type PetitionPageParams,
} from "@/lib/atlas/page-load";
import { sharePreviewMetadata } from "@/lib/share/metadata";
import { parseViewState } from "@/lib/view-state";

interface Props {
  params: PetitionPageParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The embed's previews and canonical URL are the full view's; search engines index that, not the frame. */
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const view = await petitionViewForMetadata(params);
  if (!view) return { title: "Petition not found", robots: { index: false } };
  return {
    title: view.load.petition.action,
    robots: { index: false },
    ...sharePreviewMetadata(view, `/petitions/${view.load.petition.id}`, await searchParams),
  };
}

/** /embed/petitions/ID?area=…&metric=…: the same view as the full page, in minimal chrome for an iframe. */
export default async function EmbedPage({ params, searchParams }: Props) {
  const id = petitionIdOrNotFound((await params).id);
  const viewState = parseViewState(await searchParams);
  return <EmbedScreen view={await loadPetitionViewOrNotFound(id)} viewState={viewState} />;
}
