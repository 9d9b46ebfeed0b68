import type { Metadata } from "next";
import { formatCount } from "@/lib/format";
import { seatMatrix } from "@/lib/petition-index/runtime";
import type { IndexCoverage } from "@/lib/petition-index/store";

export const metadata: Metadata = { title: "About the data" };

async function indexCoverage(): Promise<IndexCoverage | null> {
  try {
    return (await seatMatrix()).coverage();
  } catch {
    return null;
  }
}

export default async function About() {
  const coverage = await indexCoverage();
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-8 text-slate-800">
      <h1 className="text-2xl font-bold">About the data</h1>
      <h2 className="text-lg font-semibold">How the figures are worked out</h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>Signatures</strong>: the count the petitions site gives for the constituency.
        </li>
        <li>
          <strong>Share of UK signatures</strong>: that count divided by all signatures from the United
          Kingdom, including those the site could not place in a constituency.
        </li>
        <li>
          <strong>Per 1,000 electors</strong>: that count per 1,000 people on the electoral register. The UK
          rate it is compared with counts only signatures with a known constituency, so seats and the UK are
          measured alike.
        </li>
        <li>
          <strong>Rank</strong>: 1 is the most signatures; seats with equal counts share a rank.
        </li>
        <li>
          Petitions from before the July 2024 general election use the 2010 constituencies (650 seats, the
          ones used from 2010 to 2019); later petitions use the 2024 constituencies. The map follows the codes
          in the petition&apos;s own data.
        </li>
      </ul>
      <h2 id="postcodes" className="text-lg font-semibold">
        How sure a postcode answer is
      </h2>
      <p>
        For the 2010 constituencies a postcode&apos;s seat comes from the ONS Postcode Directory (February
        2021): that answer is exact. For the 2024 constituencies, and for postcodes created after February
        2021, there is no such lookup here, so the seat is estimated: the one whose boundary contains the
        postcode&apos;s centre, using the ONS&apos;s generalised boundaries.
      </p>
      <p>
        Measured on the 2010 constituencies, where both answers exist, the estimate agrees with the Postcode
        Directory for 96.8% of 2.6 million postcodes. Nearly all the misses lie close to a boundary (nine in
        ten within 437 m of their real constituency), so when another constituency&apos;s boundary is within
        500 m the answer says so and offers that constituency too. Away from boundaries the estimate was right
        for 99.6% of postcodes; for nine in ten of the misses the right seat was among those offered.
      </p>
      <h2 className="text-lg font-semibold">The petitions index</h2>
      <p>
        Seat pages rank every petition in our index, a copy of the petitions site&apos;s current list and of
        the archives of earlier parliaments, refreshed politely (a few requests a second at most).{" "}
        {coverage && coverage.latestFetchAt !== null ? (
          <>
            It holds <strong>{formatCount(coverage.petitions)}</strong> petitions:{" "}
            {formatCount(coverage.withSeats["2010"])} with signatures by constituency on the 2010 boundaries
            and {formatCount(coverage.withSeats["2024"])} on the 2024 boundaries (rejected petitions have
            none), as of {new Date(coverage.latestFetchAt).toUTCString()}.
          </>
        ) : (
          <>It is empty on this server, so seat pages show only the petition bundled with the app.</>
        )}{" "}
        Topics come from the petitions site for current petitions only; it gives none for archived petitions,
        so a seat page&apos;s topics leave earlier parliaments out.
      </p>
      <h2 className="text-lg font-semibold">Sources and licences</h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          Petition data: UK Parliament petitions site, Open Government Licence v3.0. Contains Parliamentary
          information licensed under the Open Parliament Licence v3.0.
        </li>
        <li>
          Constituency boundaries (2010 and 2024 sets): Source: Office for National Statistics licensed under
          the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2023 and
          2024.
        </li>
        <li>
          Electorates: Office for National Statistics, Electoral statistics for the UK (2010 set, December
          2022); House of Commons Library general election results (2024 set). Open Government Licence v3.0
          and Open Parliament Licence v3.0.
        </li>
        <li>
          MPs and parties: House of Commons Library election results and the UK Parliament Members API, Open
          Parliament Licence v3.0.
        </li>
        <li>
          Postcodes: National Statistics Postcode Lookup and ONS Postcode Directory. Source: Office for
          National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown
          copyright and database right. Contains Royal Mail data © Royal Mail copyright and database right.
          Contains GeoPlace data © Local Government Information House Limited copyright and database right.
          Postcode searches are answered on our own server and are not sent anywhere else.
        </li>
        <li>Hex layouts: Open Innovations constituency hexmaps (MIT licence).</li>
      </ul>
    </div>
  );
}
