import type { Metadata } from "next";
import { PetitionScreen } from "@/components/petition/PetitionScreen";
import {
  loadPetitionViewOrNotFound,
  petitionIdOrNotFound,
  petitionViewForMetadata,
  type PetitionPageParams,
} from "@/lib/atlas/page-load";
import { formatCount } from "@/lib/format";
import { sharePreviewMetadata } from "@/lib/share/metadata";
import { parseViewState } from "@/lib/view-state";

interface Props {
  params: PetitionPageParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const view = await petitionViewForMetadata(params);
  if (!view) return { title: "Petition not found" };
  const { petition } = view.load;
  const top = [...view.joined.rows].sort((a, b) => b.count - a.count)[0];
  return {
    title: petition.action,
    description: `${formatCount(petition.signatureCount)} signatures${top && top.count > 0 ? ` · most: ${top.name}` : ""}`,
    ...sharePreviewMetadata(view, `/petitions/${petition.id}`, await searchParams),
  };
}

export default async function PetitionPage({ params, searchParams }: Props) {
  const id = petitionIdOrNotFound((await params).id);
  const view = await loadPetitionViewOrNotFound(id);
  const viewState = parseViewState(await searchParams);
  return <PetitionScreen view={view} pathname={`/petitions/${id}`} viewState={viewState} />;
}
