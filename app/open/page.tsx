import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PetitionFinder } from "@/components/PetitionFinder";
import { parsePetitionInput } from "@/lib/petitions";
import { firstParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Open a petition" };

/** Target of the "open a petition" form: a valid number or link redirects to its map, anything else explains. */
export default async function OpenPetition({
  searchParams,
}: {
  searchParams: Promise<{ petition?: string | string[] }>;
}) {
  const input = firstParam(await searchParams, "petition");
  const parsed = parsePetitionInput(input);
  if (parsed.ok) redirect(`/petitions/${parsed.id}`);
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-bold">Open a petition</h1>
      <PetitionFinder defaultValue={input.slice(0, 300)} error={input.trim() ? parsed.message : undefined} />
    </div>
  );
}
