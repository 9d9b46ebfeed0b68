import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedScreen } from "@/components/share/EmbedScreen";
import { loadPetitionViewOrNotFound } from "@/lib/atlas/page-load";
import { sharePreviewMetadata } from "@/lib/share/metadata";
import { parseViewState } from "@/lib/view-state";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function petitionId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) notFound();
  return Number(raw);
}

/** The embed's previews and canonical URL are the full view's; search engines index that, not the frame. */
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const id = petitionId((await params).id);
  const view = await loadPetitionViewOrNotFound(id);
  return {
    title: view.load.petition.action,
    robots: { index: false },
    ...sharePreviewMetadata(view, `/petitions/${id}`, await searchParams),
  };
}

/** /embed/petitions/ID?area=…&metric=…: the same view as the full page, in minimal chrome for an iframe. */
export default async function EmbedPage({ params, searchParams }: Props) {
  const id = petitionId((await params).id);
  const { view: mapView } = parseViewState(await searchParams);
  return <EmbedScreen view={await loadPetitionViewOrNotFound(id)} mapView={mapView} />;
}
