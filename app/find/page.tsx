import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPetitionOrNotFound } from "@/lib/load/page";
import { firstParam } from "@/lib/search-params";
import {
  describeNearSeats,
  findRequestOf,
  postcodeDestination,
  postcodeMissMessage,
  seatHref,
} from "@/lib/search/find-seat";
import { looksLikePostcode, searchSeats } from "@/lib/search/seat-search";

export const metadata: Metadata = { title: "Find a constituency", robots: { index: false } };

type Params = Record<string, string | string[] | undefined>;

/**
 * The seat search without JavaScript. Its forms POST here (proxy.ts answers with a redirect, so a postcode is never
 * in a URL); this page shows what that redirect points to: the seats an estimated postcode may be in (?near=), why a
 * postcode placed no seat (?miss=), or the constituencies and MPs matching words (?q=, a single clear match
 * redirects to the seat). A postcode still arriving in ?q= is redirected the same way, out of the browser's history.
 */
export default async function FindSeat({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const request = findRequestOf(params);
  const { query } = request;
  const loaded = await loadPetitionOrNotFound(request.petitionId);
  const { set } = loaded.joined;
  if (looksLikePostcode(query)) redirect(await postcodeDestination(request, set));

  let message: string;
  let matches: { code: string; name: string; detail: string | null }[] = [];
  const near = describeNearSeats(firstParam(params, "near"), loaded.joined.rows);
  const miss = postcodeMissMessage(firstParam(params, "miss"));
  if (near) {
    message = near.text;
    matches = near.seats.map((seat, index) => ({
      ...seat,
      detail: index === 0 ? "the estimate" : "close by",
    }));
  } else if (miss) {
    message = miss;
  } else if (query === "") {
    message = "Enter a postcode, constituency or MP.";
  } else {
    const seats = loaded.joined.rows.map((row) => ({
      code: row.code,
      name: row.name,
      mpName: row.mp?.name ?? null,
    }));
    const found = searchSeats(query, seats, 20);
    const exact = found.filter((match) => match.name.toLowerCase() === query.toLowerCase());
    const only = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
    if (only) redirect(seatHref(request, only.code));
    matches = found.map((match) => ({
      code: match.code,
      name: match.name,
      detail: match.matchedOn === "mp" ? `MP ${match.mpName}` : null,
    }));
    message =
      found.length > 0
        ? `${found.length} constituencies match “${query}”.`
        : `No constituency or MP matches “${query}”.`;
  }

  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-bold">Find a constituency</h1>
      <p role="status">{message}</p>
      {matches.length > 0 && (
        <ul className="list-disc pl-5">
          {matches.map((match) => (
            <li key={match.code}>
              <Link href={seatHref(request, match.code)} className="text-sky-800 underline">
                {match.name}
              </Link>
              {match.detail && <span className="text-slate-600"> — {match.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      <form action="/find" method="post" className="flex gap-2">
        <input type="hidden" name="petition" value={request.petitionId} />
        <input type="hidden" name="from" value={request.from} />
        <label htmlFor="find-again" className="sr-only">
          Postcode, constituency or MP
        </label>
        <input
          id="find-again"
          name="q"
          defaultValue={near || miss ? "" : query}
          className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1.5"
        />
        <button type="submit" className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white">
          Find
        </button>
      </form>
      <p>
        <Link href={request.from} className="text-sky-800 underline">
          Back to the map
        </Link>
      </p>
    </div>
  );
}
