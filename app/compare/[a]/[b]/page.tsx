import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DifferenceMap } from "@/components/compare/DifferenceMap";
import { RateScatter } from "@/components/compare/RateScatter";
import { comparisonHref, type ComparedSeat } from "@/lib/compare/compare";
import { formatCorrelation } from "@/lib/compare/csv";
import { DIFFERENCE_TEXT, differenceWords } from "@/lib/compare/difference";
import { loadComparison, type ComparisonLoad } from "@/lib/compare/load";
import { formatCount } from "@/lib/format";
import type { LoadedPetition } from "@/lib/load/petition";
import { isPetitionError, petitionIdOf } from "@/lib/petitions";
import { seatPagePath } from "@/lib/seat-page/links";
import { comparePreviewMetadata, publicBaseUrl } from "@/lib/share/metadata";
import { DIFFERENCE_MEASURES, parseViewState, type DifferenceMeasure } from "@/lib/view-state";
import type { PageSearchParams } from "@/lib/search-params";

interface Props {
  params: Promise<{ a: string; b: string }>;
  searchParams: PageSearchParams;
}

async function comparisonOf(
  props: Props,
): Promise<{ a: number; b: number; measure: DifferenceMeasure; load: ComparisonLoad }> {
  const raw = await props.params;
  const a = petitionIdOf(raw.a);
  const b = petitionIdOf(raw.b);
  if (a === null || b === null) notFound();
  const measure = parseViewState(await props.searchParams).difference;
  try {
    return { a, b, measure, load: await loadComparison(a, b, measure) };
  } catch (error) {
    if (isPetitionError(error) && error.kind === "not-found") notFound();
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return comparePreviewMetadata((await comparisonOf(props)).load);
}

/** The seats leaning furthest towards one petition relative to the other, by the map's measure, each linking to its page. */
function LeanSection({
  seats,
  set,
  towards,
}: {
  seats: readonly ComparedSeat[];
  set: "2010" | "2024";
  towards: "A" | "B";
}) {
  const other = towards === "A" ? "B" : "A";
  return (
    <section aria-labelledby={`most-${towards}`} className="space-y-2">
      <h2 id={`most-${towards}`} className="text-lg font-semibold">
        Most for {towards} relative to {other}
      </h2>
      <ol className="list-decimal space-y-1 pl-6 text-sm">
        {seats.map((seat) => (
          <li key={seat.code}>
            <Link href={seatPagePath(seat.code, set)} prefetch={false} className="text-sky-800 underline">
              {seat.name}
            </Link>{" "}
            <span className="tabular-nums text-slate-700">
              {differenceWords(seat.difference ?? 0)} ({formatCount(seat.countA)} A,{" "}
              {formatCount(seat.countB)} B)
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ComparedPetition({ side, loaded }: { side: "A" | "B"; loaded: LoadedPetition }) {
  const { petition } = loaded.load;
  return (
    <p className="text-sm">
      <strong>{side}</strong>:{" "}
      <Link href={`/petitions/${petition.id}`} className="text-sky-800 underline">
        {petition.action}
      </Link>{" "}
      ({formatCount(petition.signatureCount)} signatures, {loaded.joined.set} boundaries)
    </p>
  );
}

export default async function ComparePage(props: Props) {
  const { a, b, measure, load } = await comparisonOf(props);
  const heading = (
    <header className="space-y-2">
      <h1 className="text-2xl font-bold">Two petitions compared</h1>
      <ComparedPetition side="A" loaded={load.a} />
      <ComparedPetition side="B" loaded={load.b} />
    </header>
  );
  if (!load.ok) {
    return (
      <div className="mx-auto max-w-4xl space-y-4 px-4 py-8 text-slate-800">
        {heading}
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          These petitions cannot be compared yet: A is mapped on the {load.a.joined.set} constituencies and B
          on the {load.b.joined.set} constituencies, which changed at the July 2024 general election. Compare
          petitions from the same side of that boundary change.
        </p>
      </div>
    );
  }
  const { comparison } = load;
  const set = load.a.joined.set;
  const text = DIFFERENCE_TEXT[measure];
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8 text-slate-800">
      {heading}
      <p
        data-testid="correlation"
        data-pearson={formatCorrelation(comparison.pearson)}
        data-spearman={formatCorrelation(comparison.spearman)}
        className="rounded border border-slate-200 bg-slate-50 p-3"
      >
        Over the {comparison.paired} seats both petitions list (zeros included), the seats&apos; signatures
        per 1,000 electors correlate with Pearson&apos;s r ={" "}
        <strong>{formatCorrelation(comparison.pearson) || "n/a"}</strong> and Spearman&apos;s ρ ={" "}
        <strong>{formatCorrelation(comparison.spearman) || "n/a"}</strong> (ranks, ties averaged).
      </p>
      <section aria-labelledby="difference-heading" className="space-y-2">
        <h2 id="difference-heading" className="text-lg font-semibold">
          Where each leans
        </h2>
        <p className="text-sm text-slate-600">{text.explanation} Each seat links to its page.</p>
        <nav aria-label="Difference measure">
          <ul className="flex flex-wrap gap-2 text-sm">
            {DIFFERENCE_MEASURES.map((option) => (
              <li key={option}>
                <Link
                  href={comparisonHref(a, b, option)}
                  prefetch={false}
                  aria-current={option === measure ? "page" : undefined}
                  className={
                    option === measure
                      ? "rounded border border-sky-800 bg-sky-800 px-2 py-1 text-white"
                      : "rounded border border-slate-300 px-2 py-1 text-sky-800 underline"
                  }
                >
                  {DIFFERENCE_TEXT[option].control}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <DifferenceMap set={set} comparison={comparison} />
      </section>
      <p className="text-sm text-slate-600">
        Both lists rank the seats with a ratio by the map&apos;s measure, {text.title}: the first list highest
        first, the second lowest first.
      </p>
      <div className="grid gap-6 md:grid-cols-2">
        <LeanSection seats={comparison.mostA} set={set} towards="A" />
        <LeanSection seats={comparison.mostB} set={set} towards="B" />
      </div>
      <section aria-labelledby="scatter-heading" className="space-y-2">
        <h2 id="scatter-heading" className="text-lg font-semibold">
          Rates seat by seat
        </h2>
        <RateScatter seats={comparison.seats} labelA="A" labelB="B" />
      </section>
      <section aria-labelledby="share-heading" className="space-y-2 text-sm">
        <h2 id="share-heading" className="text-lg font-semibold">
          Share and download
        </h2>
        <p>
          <label htmlFor="compare-link" className="mr-2">
            Link to this comparison
          </label>
          <input
            id="compare-link"
            readOnly
            value={new URL(comparisonHref(a, b, measure), publicBaseUrl()).toString()}
            className="w-full max-w-md rounded border border-slate-300 px-2 py-1"
          />
        </p>
        <p>
          <a href={comparisonHref(a, b, measure, "/seats.csv")} download className="text-sky-800 underline">
            Download the comparison as CSV
          </a>{" "}
          (per seat: both counts, both rates, and {text.title} as <code>{text.csvColumn}</code>).
        </p>
      </section>
    </div>
  );
}
