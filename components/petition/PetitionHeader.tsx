import type { NationalFigures } from "@/lib/join/types";
import type { PetitionLoad } from "@/lib/petitions";
import { formatCount, formatDate } from "@/lib/format";

const STATE_LABELS: Record<string, string> = {
  open: "Open",
  closed: "Closed",
  rejected: "Rejected",
};

/** Title, state, totals and where the numbers come from. */
export function PetitionHeader({ load, national }: { load: PetitionLoad; national: NationalFigures }) {
  const { petition } = load;
  const state = STATE_LABELS[petition.state] ?? petition.state;
  return (
    <header className="space-y-1">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span className="rounded bg-slate-200 px-2 py-0.5 font-medium text-slate-800">{state}</span>
        {petition.archived && petition.parliament && (
          <span>Archived · {petition.parliament.period} parliament</span>
        )}
        <span>Petition {petition.id}</span>
      </p>
      <h1 className="text-xl font-bold text-balance md:text-2xl">{petition.action}</h1>
      <p className="text-lg">
        <strong className="tabular-nums">{formatCount(petition.signatureCount)}</strong> signatures
      </p>
      {petition.byConstituency.length > 0 && (
        <p className="text-sm text-slate-700">
          {formatCount(national.uk)} in the UK · {formatCount(national.overseas)} from elsewhere ·{" "}
          {formatCount(national.unknownConstituency)} in the UK with no constituency
        </p>
      )}
      <p className="text-sm text-slate-600">
        {load.source === "embedded"
          ? `Embedded copy of the petition's data as of ${formatDate(load.asOf)}. `
          : `Data from the petitions site as of ${formatDate(load.asOf)}. `}
        <a href={petition.url} className="text-sky-800 underline" rel="noopener">
          View this petition on the UK Parliament petitions site
        </a>
        {petition.state === "open" && (
          <>
            {" "}
            ·{" "}
            <a href={petition.url} className="font-medium text-sky-800 underline" rel="noopener">
              Sign this petition
            </a>
          </>
        )}
      </p>
      {load.stale && (
        <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The petitions site is not answering right now, so these are the figures we last had, from{" "}
          {formatDate(load.asOf)} at{" "}
          {new Date(load.asOf).toLocaleTimeString("en-GB", { timeZone: "Europe/London" })}.
        </p>
      )}
    </header>
  );
}
