"use client";

import { useEffect } from "react";
import { compareWithRate, formatCount, formatOrdinal, formatRate, formatShare } from "@/lib/format";
import { signPetitionUrl } from "@/lib/petitions/site";
import { seatPagePath } from "@/lib/seat-page/links";
import { useAtlas } from "./atlas-context";
import { useSelectedSeat, useViewUpdate } from "./use-view-state";

/** The selected seat's figures, read from the URL; a national summary when nothing is selected. */
export function AreaPanel() {
  const { rows, national, set, live, petitionId } = useAtlas();
  const { update } = useViewUpdate();
  const row = useSelectedSeat();

  useEffect(() => {
    if (!row) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") update({ area: null });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [row, update]);

  if (!row) {
    return (
      <section aria-label="Selected seat" className="text-sm text-slate-700">
        <p>
          Select a constituency on the map or in the table to see its figures. Across the UK,{" "}
          <strong>{formatRate(national.ukPerThousand)}</strong> people per 1,000 electors signed (signatures
          with a known constituency).
        </p>
      </section>
    );
  }

  const tied = rows.filter((candidate) => candidate.rank === row.rank).length > 1;
  return (
    <section data-testid="area-panel" aria-labelledby="area-panel-title" className="relative">
      <button
        type="button"
        onClick={() => update({ area: null })}
        aria-label="Close seat details"
        className="absolute top-2 right-2 rounded px-2 py-1 text-lg leading-none text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-slate-900"
      >
        ×
      </button>
      <h2 id="area-panel-title" className="pr-8 text-lg font-semibold">
        {row.name}
      </h2>
      <p className="text-sm text-slate-600">
        {row.region === row.nation ? row.nation : `${row.region}, ${row.nation}`}
      </p>
      {row.mp && (
        <p className="mt-2 text-sm">
          <span className="sr-only">MP: </span>
          {row.mp.name}
          {row.mp.partyName && (
            <>
              {" "}
              <span className="inline-flex items-center gap-1 whitespace-nowrap">
                <span
                  aria-hidden="true"
                  className="inline-block h-2.5 w-2.5 rounded-full"
                  style={{ backgroundColor: row.mp.colour ?? "#999" }}
                />
                ({row.mp.partyName})
              </span>
            </>
          )}
          {row.mp.note && <span className="block text-xs text-slate-500">{row.mp.note}</span>}
        </p>
      )}
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-600">Signatures</dt>
        <dd className="text-right font-semibold tabular-nums">{formatCount(row.count)}</dd>
        <dt className="text-slate-600">Share of UK signatures</dt>
        <dd className="text-right tabular-nums">{formatShare(row.share)}</dd>
        <dt className="text-slate-600">Per 1,000 electors</dt>
        <dd className="text-right tabular-nums">{formatRate(row.perThousand)}</dd>
        <dt className="text-slate-600">Rank</dt>
        <dd className="text-right tabular-nums">
          {tied ? "Joint " : ""}
          {formatOrdinal(row.rank)} of {rows.length}
        </dd>
      </dl>
      <p className="mt-3 text-sm text-slate-700">
        {compareWithRate(row.perThousand, national.ukPerThousand)}.
      </p>
      <p className="mt-1 text-xs text-slate-500">
        {formatCount(row.electorate)} electors.{" "}
        {set === "2010"
          ? "This seat was replaced at the July 2024 general election; the MP named was its MP when the petition ran."
          : "The MP named is the one the petitions site lists for this seat."}
      </p>
      <ul className="mt-3 space-y-1 text-sm">
        <li>
          <a href={seatPagePath(row.code, set)} className="text-sky-800 underline">
            What {row.name} signs across all petitions
          </a>
        </li>
        {row.mp?.memberId && (
          <li>
            <a
              href={`https://members.parliament.uk/member/${row.mp.memberId}/contact`}
              className="text-sky-800 underline"
            >
              {row.mp.name} on the UK Parliament website
            </a>
          </li>
        )}
        {row.mp?.twfyId && (
          <li>
            <a
              href={`https://www.theyworkforyou.com/mp/?p=${row.mp.twfyId}`}
              className="text-sky-800 underline"
            >
              {row.mp.name} on TheyWorkForYou
            </a>
          </li>
        )}
        {set === "2024" && (
          <li>
            <a href="https://www.writetothem.com/" className="text-sky-800 underline">
              Write to your MP (WriteToThem)
            </a>
          </li>
        )}
        {live && (
          <li>
            <a href={signPetitionUrl(petitionId)} className="font-medium text-sky-800 underline">
              Sign this petition
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
