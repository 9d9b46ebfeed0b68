import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PetitionScreen } from "@/components/petition/PetitionScreen";
import { loadPetitionViewOrNotFound } from "@/lib/atlas/page-load";
import { formatCount } from "@/lib/format";

interface Props {
  params: Promise<{ id: string }>;
}

function petitionId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) notFound();
  return Number(raw);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await loadPetitionViewOrNotFound(petitionId((await params).id));
  const top = [...view.joined.rows].sort((a, b) => b.count - a.count)[0];
  return {
    title: view.load.petition.action,
    description: `${formatCount(view.load.petition.signatureCount)} signatures${top && top.count > 0 ? ` · most: ${top.name}` : ""}`,
  };
}

export default async function PetitionPage({ params }: Props) {
  const id = petitionId((await params).id);
  const view = await loadPetitionViewOrNotFound(id);
  return <PetitionScreen view={view} pathname={`/petitions/${id}`} />;
}
