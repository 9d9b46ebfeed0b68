import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PetitionScreen } from "@/components/petition/PetitionScreen";
import { loadPetitionView } from "@/lib/atlas/load";
import { loadPetitionViewOrNotFound } from "@/lib/atlas/page-load";
import { formatCount } from "@/lib/format";
import { parseViewState } from "@/lib/view-state";
import { sharePreviewMetadata } from "@/lib/share/metadata";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function petitionId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) notFound();
  return Number(raw);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const raw = (await params).id;
  // The page itself answers 404s and upstream failures; metadata only describes a petition that loads.
  const view = /^\d{1,9}$/.test(raw) ? await loadPetitionView(Number(raw)).catch(() => null) : null;
  if (!view) return { title: "Petition not found" };
  const id = view.load.petition.id;
  const top = [...view.joined.rows].sort((a, b) => b.count - a.count)[0];
  return {
    title: view.load.petition.action,
    description: `${formatCount(view.load.petition.signatureCount)} signatures${top && top.count > 0 ? ` · most: ${top.name}` : ""}`,
    ...sharePreviewMetadata(view, `/petitions/${id}`, await searchParams),
  };
}

export default async function PetitionPage({ params, searchParams }: Props) {
  const id = petitionId((await params).id);
  const view = await loadPetitionViewOrNotFound(id);
  const { view: mapView } = parseViewState(await searchParams);
  return <PetitionScreen view={view} pathname={`/petitions/${id}`} mapView={mapView} />;
}
