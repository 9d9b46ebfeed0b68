import type { Petition, SignatureCount } from "@/lib/petitions";
import { milestonesOf } from "@/lib/petitions/milestones";
import { formatCount, formatDate } from "@/lib/format";

/** Background, the government's response and debate, the petition's history and signatures by country. */
export function PetitionDetails({ petition }: { petition: Petition }) {
  const dated = milestonesOf(petition);
  const regions = [...(petition.byRegion ?? [])].sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name),
  );
  const countries = [...petition.byCountry].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  return (
    // Below the fold: laid out only when it comes near the screen, so the map paints sooner.
    <div className="space-y-6 [contain-intrinsic-size:auto_1600px] [content-visibility:auto]">
      <section aria-labelledby="background-heading">
        <h2 id="background-heading" className="text-lg font-semibold">
          What the petition asks
        </h2>
        <p className="mt-1 whitespace-pre-line">{petition.background}</p>
        {petition.additionalDetails && (
          <p className="mt-2 whitespace-pre-line">{petition.additionalDetails}</p>
        )}
      </section>

      {petition.rejection && (
        <section aria-labelledby="rejection-heading" className="rounded bg-rose-50 p-3">
          <h2 id="rejection-heading" className="text-lg font-semibold">
            Why it was rejected
          </h2>
          <p className="mt-1 whitespace-pre-line">{petition.rejection.details ?? petition.rejection.code}</p>
          <p className="mt-1 text-sm text-slate-600">
            Rejected petitions are not published for signing, so the petitions site gives no constituency
            breakdown and the map is not coloured.
          </p>
        </section>
      )}

      {petition.governmentResponse && (
        <section aria-labelledby="response-heading">
          <h2 id="response-heading" className="text-lg font-semibold">
            Government response
            {petition.governmentResponse.respondedOn && (
              <span className="text-sm font-normal text-slate-600">
                {" "}
                ({formatDate(petition.governmentResponse.respondedOn)})
              </span>
            )}
          </h2>
          <p className="mt-1 font-medium">{petition.governmentResponse.summary}</p>
          <details className="mt-2">
            <summary className="cursor-pointer text-sky-800 underline">Read the full response</summary>
            <div className="mt-2 whitespace-pre-line">{petition.governmentResponse.details}</div>
          </details>
        </section>
      )}

      {petition.debate && (
        <section aria-labelledby="debate-heading">
          <h2 id="debate-heading" className="text-lg font-semibold">
            Debate in Parliament
          </h2>
          {petition.debate.overview && <p className="mt-1 whitespace-pre-line">{petition.debate.overview}</p>}
          <p className="mt-1 text-sm">
            {petition.debate.transcriptUrl && (
              <a href={petition.debate.transcriptUrl} className="text-sky-800 underline" rel="noopener">
                Transcript
              </a>
            )}
            {petition.debate.videoUrl && (
              <>
                {" · "}
                <a href={petition.debate.videoUrl} className="text-sky-800 underline" rel="noopener">
                  Video
                </a>
              </>
            )}
          </p>
        </section>
      )}

      {dated.length > 0 && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="text-lg font-semibold">
            History
          </h2>
          <ol className="mt-2 border-l-2 border-slate-200 pl-4">
            {dated.map((milestone) => (
              <li key={milestone.kind} className="relative mb-2">
                <span
                  aria-hidden="true"
                  className="absolute top-1.5 -left-[1.4rem] h-2.5 w-2.5 rounded-full bg-slate-500"
                />
                <time dateTime={milestone.at} className="text-sm text-slate-600">
                  {formatDate(milestone.at)}
                </time>{" "}
                {milestone.label}
              </li>
            ))}
          </ol>
        </section>
      )}

      {regions.length > 0 && (
        <section aria-labelledby="regions-heading">
          <h2 id="regions-heading" className="text-lg font-semibold">
            Signatures by region
          </h2>
          <CountTable
            caption="Signatures by nation and English region, as the petitions site counts them"
            label="Region"
            rows={regions}
          />
        </section>
      )}

      {countries.length > 0 && (
        <details>
          <summary className="cursor-pointer text-lg font-semibold">
            Signatures by country ({countries.length})
          </summary>
          <CountTable caption="Signatures by country" label="Country" rows={countries} />
        </details>
      )}
    </div>
  );
}

/** A two-column table of places and their signatures, largest first (as given). */
function CountTable({ caption, label, rows }: { caption: string; label: string; rows: SignatureCount[] }) {
  return (
    <table className="mt-2 w-full max-w-md text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b text-left">
          <th scope="col" className="py-1 font-medium">
            {label}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Signatures
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.code} className="border-b border-slate-100">
            <td className="py-0.5">{row.name}</td>
            <td className="py-0.5 text-right tabular-nums">{formatCount(row.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
