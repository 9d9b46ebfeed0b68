import type { BoundarySet } from "@/lib/seats/types";

const BOUNDARY_YEAR: Record<BoundarySet, string> = { "2010": "2023", "2024": "2024" };

/** Where every number and line on the map comes from, and the data to take away. */
export function Attribution({ petitionId, set }: { petitionId: number; set: BoundarySet }) {
  return (
    <p className="text-xs text-slate-600">
      <a
        href={`/petitions/${petitionId}/constituencies.csv`}
        className="font-medium text-sky-800 underline"
        download
      >
        Download the table (CSV)
      </a>
      {" · "}
      Petition data: UK Parliament petitions site, Open Government Licence v3.0. Contains Parliamentary
      information licensed under the Open Parliament Licence v3.0. Boundaries ({set} constituencies): Source:
      Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data ©
      Crown copyright and database right {BOUNDARY_YEAR[set]}.{" "}
      <a href="/about" className="underline">
        Sources and licences
      </a>
    </p>
  );
}
