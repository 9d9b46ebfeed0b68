import Link from "next/link";
import { formatCount } from "@/lib/format";
import { listPetitions, SEED_PETITION_ID, type PetitionListLoad } from "@/lib/petitions";

/** Popular open petitions, or a search of all petitions, from the petitions site through our cache. */
export async function PetitionList({ q = "", page = "1" }: { q?: string; page?: string }) {
  let result: PetitionListLoad | null = null;
  try {
    result = await listPetitions({ state: q ? "all" : "open", q, page });
  } catch {
    result = null;
  }
  if (!result) {
    return (
      <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
        The petitions site cannot be reached right now, so we cannot list its petitions. You can still open
        the{" "}
        <Link href={`/petitions/${SEED_PETITION_ID}`} className="underline">
          embedded example petition
        </Link>
        , or enter a petition number to try again.
      </p>
    );
  }
  const pageHref = (target: number) => `/petitions?${new URLSearchParams({ q, page: String(target) })}`;
  return (
    <section aria-labelledby="list-heading">
      <h2 id="list-heading" className="text-lg font-semibold">
        {q ? `Petitions matching “${q}”` : "Popular open petitions"}
      </h2>
      {result.stale && (
        <p role="status" className="text-sm text-amber-900">
          The petitions site is not answering; this list is from {new Date(result.asOf).toUTCString()}.
        </p>
      )}
      {result.list.items.length === 0 ? (
        <p className="mt-2">No petitions found.</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-200">
          {result.list.items.map((item) => (
            <li key={item.id} className="flex items-baseline justify-between gap-4 py-2">
              <Link href={`/petitions/${item.id}`} className="text-sky-800 hover:underline">
                {item.action}
              </Link>
              <span className="shrink-0 text-sm text-slate-600 tabular-nums">
                {formatCount(item.signatureCount)} signatures
              </span>
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
        {result.list.page > 1 && <Link href={pageHref(result.list.page - 1)}>Previous page</Link>}
        {result.list.nextPage && <Link href={pageHref(result.list.nextPage)}>Next page</Link>}
      </nav>
    </section>
  );
}
