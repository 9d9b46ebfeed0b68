import type { Metadata } from "next";
import { PetitionFinder } from "@/components/PetitionFinder";
import { PetitionList } from "@/components/petition/PetitionList";
import { firstParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Find a petition" };

interface Props {
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
}

export default async function BrowsePetitions({ searchParams }: Props) {
  const params = await searchParams;
  const q = firstParam(params, "q").slice(0, 200);
  const page = firstParam(params, "page");
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-bold">Find a petition</h1>
      <PetitionFinder />
      <form
        action="/petitions"
        method="get"
        role="search"
        aria-label="Search petitions"
        className="flex gap-2"
      >
        <label htmlFor="petition-search" className="sr-only">
          Search petitions by words
        </label>
        <input
          id="petition-search"
          name="q"
          defaultValue={q}
          placeholder="Search petitions, e.g. social media"
          className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1.5"
        />
        <button type="submit" className="rounded border border-slate-900 px-4 py-1.5 font-medium">
          Search
        </button>
      </form>
      <PetitionList q={q} page={page} />
    </div>
  );
}
