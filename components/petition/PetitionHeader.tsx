import type { NationalFigures } from "@/lib/join/types";
import type { PetitionLoad } from "@/lib/petitions";
import { formatCount, formatDate } from "@/lib/format";

const STATE_LABELS: Record<string, string> = {
  open: "Open",
  closed: "Closed",
  rejected: "Rejected",
};

/** The petition's title on one line, its total and its state: all the map's first screen spends on words. */
export function PetitionHeader({ load }: { load: PetitionLoad }) {
  const { petition } = load;
  const state = STATE_LABELS[petition.state] ?? petition.state;
  return (
    <header className="flex min-w-0 items-center gap-x-3 px-3 py-1.5 short:py-0.5">
      <h1 className="min-w-0 flex-1 truncate text-base font-bold md:text-lg" title={petition.action}>
        {petition.action}
      </h1>
      <p className="flex shrink-0 items-center gap-2 text-sm">
        <span>
          <strong className="tabular-nums">{formatCount(petition.signatureCount)}</strong> signatures
        </span>
        <span className="rounded bg-slate-200 px-2 py-0.5 font-medium text-slate-800">{state}</span>
      </p>
    </header>
  );
}

/** Where the figures come from and how they add up, below the map. */
export function PetitionSource({ load, national }: { load: PetitionLoad; national: NationalFigures }) {
  const { petition } = load;
  return (
    <div className="space-y-1">
      <p className="text-sm text-slate-600">
        Petition {petition.id}
        {petition.archived && petition.parliament && (
          <> · Archived · {petition.parliament.period} parliament</>
        )}
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
    </div>
  );
}
