import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadPetitionOrNotFound } from "@/lib/load/page";
import { lookupPostcode } from "@/lib/postcodes";
import { describePostcodeSeat } from "@/lib/postcodes/describe";
import { petitionIdOf, SEED_PETITION_ID } from "@/lib/petitions";
import { looksLikePostcode, searchSeats } from "@/lib/search/seat-search";
import { buildViewHref, parseViewState } from "@/lib/view-state";
import { firstParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Find a constituency", robots: { index: false } };

type Params = Record<string, string | string[] | undefined>;

/**
 * The seat search without JavaScript: an exactly looked-up postcode or a single clear match redirects to the seat
 * (the URL keeps the seat, never the postcode); an estimated postcode answer, or several matches, are listed;
 * anything else is explained.
 */
export default async function FindSeat({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const query = firstParam(params, "q").trim().slice(0, 100);
  const petitionId = petitionIdOf(firstParam(params, "petition")) ?? SEED_PETITION_ID;
  // Only our own petition paths: the form cannot be used to redirect anywhere else.
  const from =
    firstParam(params, "from") === "/" && petitionId === SEED_PETITION_ID ? "/" : `/petitions/${petitionId}`;
  const loaded = await loadPetitionOrNotFound(petitionId);
  const state = { ...parseViewState(params), at: null };
  const hrefFor = (code: string) => buildViewHref(from, { ...state, area: code });

  let message: string;
  let matches: { code: string; name: string; detail: string | null }[] = [];
  if (query === "") {
    message = "Enter a postcode, constituency or MP.";
  } else if (looksLikePostcode(query)) {
    const answer = await lookupPostcode(query);
    if (answer.kind === "found") {
      const seat = answer.sets[loaded.joined.set];
      // An exact answer goes straight to the seat; an estimated one says so and lists the seats it may be in.
      if (seat?.placement === "exact") redirect(hrefFor(seat.code));
      if (seat) {
        const { text, alternatives } = describePostcodeSeat(answer.postcode, seat);
        message = text;
        matches = [
          { code: seat.code, name: seat.name, detail: "the estimate" },
          ...alternatives.map((other) => ({ code: other.code, name: other.name, detail: "close by" })),
        ];
      } else {
        message = `We cannot place ${answer.postcode} in a ${loaded.joined.set} constituency.`;
      }
    } else {
      message = answer.message;
    }
  } else {
    const seats = loaded.joined.rows.map((row) => ({
      code: row.code,
      name: row.name,
      mpName: row.mp?.name ?? null,
    }));
    const found = searchSeats(query, seats, 20);
    const exact = found.filter((match) => match.name.toLowerCase() === query.toLowerCase());
    const only = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
    if (only) redirect(hrefFor(only.code));
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
              <Link href={hrefFor(match.code)} className="text-sky-800 underline">
                {match.name}
              </Link>
              {match.detail && <span className="text-slate-600"> — {match.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      <form action="/find" method="get" className="flex gap-2">
        <input type="hidden" name="petition" value={petitionId} />
        <input type="hidden" name="from" value={from} />
        <label htmlFor="find-again" className="sr-only">
          Postcode, constituency or MP
        </label>
        <input
          id="find-again"
          name="q"
          defaultValue={query}
          className="min-w-0 flex-1 rounded border border-slate-400 px-2 py-1.5"
        />
        <button type="submit" className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white">
          Find
        </button>
      </form>
      <p>
        <Link href={from} className="text-sky-800 underline">
          Back to the map
        </Link>
      </p>
    </div>
  );
}
