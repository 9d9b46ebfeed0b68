import { Suspense } from "react";
import { PetitionList } from "@/components/petition/PetitionList";
import { PetitionScreen } from "@/components/petition/PetitionScreen";
import { loadPetitionViewOrNotFound } from "@/lib/atlas/page-load";
import { SEED_PETITION_ID } from "@/lib/petitions";

/**
 * The seed petition's map, embedded so it needs nothing from outside; other petitions stream in below. Rendered per
 * request (it reads the query) so a shared `?area=` link arrives with its seat already drawn.
 */
export default async function Home({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await searchParams;
  const view = await loadPetitionViewOrNotFound(SEED_PETITION_ID);
  return (
    <>
      <PetitionScreen view={view} pathname="/" />
      <div className="mx-auto max-w-7xl px-4 pb-8">
        <Suspense fallback={<p className="text-sm text-slate-600">Loading popular petitions…</p>}>
          <PetitionList />
        </Suspense>
      </div>
    </>
  );
}
