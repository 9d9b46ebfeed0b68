import type { Metadata } from "next";
import { PetitionScreen } from "@/components/petition/PetitionScreen";
import {
  loadPetitionOrNotFound,
  petitionIdOrNotFound,
  loadedPetitionForMetadata,
  type PetitionPageProps,
} from "@/lib/load/page";
import { formatCount } from "@/lib/format";
import { sharePreviewMetadata } from "@/lib/share/metadata";
import { serverViewState } from "@/lib/view-state";

export async function generateMetadata({ params, searchParams }: PetitionPageProps): Promise<Metadata> {
  const loaded = await loadedPetitionForMetadata(params);
  if (!loaded) return { title: "Petition not found" };
  const { petition } = loaded.load;
  const top = [...loaded.joined.rows].sort((a, b) => b.count - a.count)[0];
  return {
    title: petition.action,
    description: `${formatCount(petition.signatureCount)} signatures${top && top.count > 0 ? ` · most: ${top.name}` : ""}`,
    ...sharePreviewMetadata(loaded, `/petitions/${petition.id}`, await searchParams),
  };
}

export default async function PetitionPage({ params, searchParams }: PetitionPageProps) {
  const id = petitionIdOrNotFound((await params).id);
  const loaded = await loadPetitionOrNotFound(id);
  const viewState = serverViewState(await searchParams);
  return <PetitionScreen loaded={loaded} pathname={`/petitions/${id}`} viewState={viewState} />;
}
