import type { Metadata } from "next";
import { Suspense } from "react";
import { PetitionList } from "@/components/petition/PetitionList";
import { PetitionScreen } from "@/components/petition/PetitionScreen";
import { loadPetitionOrNotFound } from "@/lib/load/page";
import { SEED_PETITION_ID } from "@/lib/petitions";
import { serverViewState } from "@/lib/view-state";
import { sharePreviewMetadata } from "@/lib/share/metadata";
import type { PageSearchParams } from "@/lib/search-params";

/** Link previews of the home page show the seed petition's view, like the page itself. */
export async function generateMetadata({
  searchParams,
}: {
  searchParams: PageSearchParams;
}): Promise<Metadata> {
  const loaded = await loadPetitionOrNotFound(SEED_PETITION_ID);
  return sharePreviewMetadata(loaded, "/", await searchParams);
}

/**
 * The seed petition's map, embedded so it needs nothing from outside; other petitions stream in below. Rendered per
 * request (it reads the query) so a shared `?area=` link arrives with its seat already drawn.
 */
export default async function Home({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const viewState = serverViewState(await searchParams);
  const loaded = await loadPetitionOrNotFound(SEED_PETITION_ID);
  return (
    <>
      <PetitionScreen loaded={loaded} pathname="/" viewState={viewState} />
      <div className="mx-auto max-w-7xl px-4 pb-8">
        <Suspense fallback={<p className="text-sm text-slate-600">Loading popular petitions…</p>}>
          <PetitionList />
        </Suspense>
      </div>
    </>
  );
}
