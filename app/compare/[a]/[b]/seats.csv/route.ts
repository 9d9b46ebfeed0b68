import { comparisonCsv } from "@/lib/compare/csv";
import { loadComparison } from "@/lib/compare/load";
import { BAD_PETITION_ID, petitionErrorResponse, petitionFailureOf } from "@/lib/http/petition-error";
import { petitionIdOf } from "@/lib/petitions";
import { parseViewState } from "@/lib/view-state";

/** The comparison per seat as CSV (both counts, both rates, the log ratio of the measure the query names). */
export async function GET(request: Request, { params }: { params: Promise<{ a: string; b: string }> }) {
  const raw = await params;
  const a = petitionIdOf(raw.a);
  const b = petitionIdOf(raw.b);
  if (a === null || b === null) return petitionErrorResponse(BAD_PETITION_ID, { as: "json" });
  try {
    const load = await loadComparison(a, b, parseViewState(new URL(request.url).searchParams).difference);
    if (!load.ok) {
      return Response.json(
        { error: "These petitions use different constituency boundaries and cannot be compared." },
        { status: 422, headers: { "Cache-Control": "no-store" } },
      );
    }
    return new Response(comparisonCsv(load.comparison, a, b), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="compare-${a}-${b}.csv"`,
        "Cache-Control": "public, max-age=60",
      },
    });
  } catch (error) {
    return petitionErrorResponse(petitionFailureOf(error, { route: "compare-csv", petition: `${a},${b}` }), {
      as: "json",
    });
  }
}
