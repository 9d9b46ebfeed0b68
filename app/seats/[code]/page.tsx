import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SeatPetitionList } from "@/components/seat/SeatPetitionList";
import { formatCount } from "@/lib/format";
import { seatPagePath } from "@/lib/seat-page/links";
import { loadSeatPage, type SeatPage } from "@/lib/seat-page/load";
import { MIN_SEAT_SIGNATURES, MIN_TOPIC_PETITIONS } from "@/lib/seat-page/ranking";
import { previewImagePath } from "@/lib/share/links";
import { previewMetadata } from "@/lib/share/metadata";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from "@/lib/share/preview-svg";
import type { PageSearchParams } from "@/lib/search-params";

interface Props {
  params: Promise<{ code: string }>;
  searchParams: PageSearchParams;
}

const SEAT_CODE = /^[EWSN]\d{8}$/;

const load = cache(async (code: string, set: string | undefined) =>
  SEAT_CODE.test(code) ? loadSeatPage(code, set) : null,
);

async function pageOf({ params, searchParams }: Props): Promise<SeatPage | null> {
  const set = (await searchParams).set;
  return load((await params).code, typeof set === "string" ? set : undefined);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const page = await pageOf(props);
  if (!page) return { title: "Constituency not found" };
  const { seat, set } = page;
  const title = `What ${seat.name} signs`;
  const description = `The UK Parliament petitions signed most in ${seat.name} (${set} boundaries) relative to the UK.`;
  // The preview is the top petition's map with this seat outlined.
  const top = page.overRepresented[0] ?? page.byCount[0];
  const images = top
    ? [
        {
          url: previewImagePath(top.id, { metric: "rate", area: seat.code }),
          width: PREVIEW_WIDTH,
          height: PREVIEW_HEIGHT,
          type: "image/png",
          alt: `Signatures per 1,000 electors for "${top.title}", with ${seat.name} outlined`,
        },
      ]
    : [];
  const url = seatPagePath(seat.code, set);
  return { title, description, ...previewMetadata({ title, description, url, images }) };
}

function Coverage({ page }: { page: SeatPage }) {
  const { coverage, set } = page;
  if (!coverage)
    return <p>The petitions index could not be read just now; only the bundled petition is shown.</p>;
  if (coverage.petitions === 0 || coverage.latestFetchAt === null) {
    return (
      <p>
        No petitions are indexed yet, so this page shows only the petition bundled with the app
        {set === "2024" ? " (on the 2010 boundaries: see the seats below)" : ""}.
      </p>
    );
  }
  return (
    <p>
      {formatCount(coverage.petitions)} petitions indexed ({formatCount(coverage.withSeats[set])} with
      signatures by constituency on the {set} boundaries), as of{" "}
      <time dateTime={new Date(coverage.latestFetchAt).toISOString()}>
        {new Date(coverage.latestFetchAt).toUTCString()}
      </time>
      .
    </p>
  );
}

export default async function SeatPageView(props: Props) {
  const page = await pageOf(props);
  if (!page) notFound();
  const { seat, set, linked } = page;
  const mp = seat.mps.at(-1);
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8 text-slate-800">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{seat.name}</h1>
        <p className="text-sm text-slate-600">
          Constituency on the {set} boundaries ·{" "}
          {seat.region === seat.nation ? seat.nation : `${seat.region}, ${seat.nation}`} ·{" "}
          {formatCount(seat.electorate)} electors
        </p>
        {mp && (
          <p className="text-sm">
            {set === "2010" ? "MP until the seat was replaced in 2024" : "MP"}: {mp.name} ({mp.partyName})
          </p>
        )}
        <div className="text-sm text-slate-600">
          <Coverage page={page} />
        </div>
      </header>

      <section aria-labelledby="over-heading" className="space-y-2">
        <h2 id="over-heading" className="text-lg font-semibold">
          Signed most relative to the UK
        </h2>
        <p className="text-sm text-slate-600">
          The seat&apos;s share of a petition&apos;s signatures divided by its share of UK electors: 2× means
          twice what its electorate predicts. Petitions with fewer than {MIN_SEAT_SIGNATURES} signatures here
          are left out.
        </p>
        <SeatPetitionList
          rows={page.overRepresented}
          seatCode={seat.code}
          testId="seat-petitions"
          emphasis="ratio"
        />
      </section>

      <section aria-labelledby="count-heading" className="space-y-2">
        <h2 id="count-heading" className="text-lg font-semibold">
          Most signatures
        </h2>
        <SeatPetitionList rows={page.byCount} seatCode={seat.code} emphasis="count" />
      </section>

      <section aria-labelledby="topics-heading" className="space-y-2">
        <h2 id="topics-heading" className="text-lg font-semibold">
          Topics
        </h2>
        <p className="text-sm text-slate-600">
          Topics cover current petitions only: the petitions site gives no topics for archived petitions
          (earlier parliaments), so those count in no topic here.
        </p>
        {page.topics.length === 0 ? (
          <p className="text-sm text-slate-600">
            No topic has {MIN_TOPIC_PETITIONS} or more indexed petitions on these boundaries yet.
          </p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col">Topic</th>
                <th scope="col" className="text-right">
                  Petitions
                </th>
                <th scope="col" className="text-right">
                  Signed here
                </th>
                <th scope="col" className="text-right">
                  Relative to electorate share
                </th>
              </tr>
            </thead>
            <tbody>
              {page.topics.map((topic) => (
                <tr key={topic.topic} className="border-t border-slate-200">
                  <td>{topic.topic}</td>
                  <td className="text-right tabular-nums">{topic.petitions}</td>
                  <td className="text-right tabular-nums">{formatCount(topic.signatures)}</td>
                  <td className="text-right font-semibold tabular-nums">{topic.ratio.toFixed(2)}×</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="linked-heading" className="space-y-2">
        <h2 id="linked-heading" className="text-lg font-semibold">
          {set === "2010" ? "Replaced in 2024 by" : "Made in 2024 from"}
        </h2>
        <ul className="list-disc pl-5 text-sm">
          {linked.seats.map((other) => (
            <li key={other.code}>
              <Link
                href={seatPagePath(other.code, linked.set)}
                prefetch={false}
                className="text-sky-800 underline"
              >
                {other.name}
              </Link>{" "}
              ({Math.round(other.share * 100)}% of this seat&apos;s people)
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
