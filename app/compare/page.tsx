import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CompareForm } from "@/components/compare/CompareForm";
import { formatCount } from "@/lib/format";
import { petitionIndex } from "@/lib/petition-index/runtime";
import type { IndexedTitle } from "@/lib/petition-index/store";
import { parsePetitionInput, petitionIdOf } from "@/lib/petitions";
import { firstParam, type PageSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Compare with…", robots: { index: false } };

interface Props {
  searchParams: PageSearchParams;
}

async function search(words: string): Promise<IndexedTitle[] | null> {
  try {
    return await (await petitionIndex()).searchTitles(words, 20);
  } catch {
    return null;
  }
}

/** The "compare with…" form's target: a petition number or link opens the pair, other words search the index. */
export default async function CompareWith({ searchParams }: Props) {
  const query = await searchParams;
  const a = petitionIdOf(firstParam(query, "a"));
  if (a === null) notFound();
  const text = firstParam(query, "with").slice(0, 200);
  const parsed = parsePetitionInput(text);
  if (parsed.ok) redirect(`/compare/${a}/${parsed.id}`);
  const hits = await search(text);
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-8 text-slate-800">
      <h1 className="text-2xl font-bold">Compare petition {a} with…</h1>
      {hits === null ? (
        <p>The petitions index could not be searched just now. Enter a petition number instead.</p>
      ) : hits.length === 0 ? (
        <p>No indexed petition&apos;s title has all of “{text}”. Try fewer words, or a petition number.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200">
          {hits
            .filter((hit) => hit.id !== a)
            .map((hit) => (
              <li key={hit.id} className="flex gap-3 px-3 py-2 text-sm">
                <Link
                  href={`/compare/${a}/${hit.id}`}
                  prefetch={false}
                  className="flex-1 text-sky-800 underline"
                >
                  {hit.title}
                </Link>
                <span className="tabular-nums">{formatCount(hit.signatureCount)} signatures</span>
                <span className="text-slate-600">{hit.boundarySet ?? "no"} boundaries</span>
              </li>
            ))}
        </ul>
      )}
      <CompareForm petitionId={a} defaultValue={text} />
    </div>
  );
}
