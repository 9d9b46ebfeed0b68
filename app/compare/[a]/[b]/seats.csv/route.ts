import { comparisonCsv } from "@/lib/compare/csv";
import { loadComparison } from "@/lib/compare/load";
import { isPetitionError, petitionIdOf } from "@/lib/petitions";

/** The comparison per seat as CSV (both counts, both rates, the log ratio). */
export async function GET(_request: Request, { params }: { params: Promise<{ a: string; b: string }> }) {
  const raw = await params;
  const a = petitionIdOf(raw.a);
  const b = petitionIdOf(raw.b);
  if (a === null || b === null) return failure(400, "Petition ids are numbers, e.g. 575833.");
  try {
    const load = await loadComparison(a, b);
    if (!load.ok)
      return failure(422, "These petitions use different constituency boundaries and cannot be compared.");
    return new Response(comparisonCsv(load.comparison, a, b), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="compare-${a}-${b}.csv"`,
        "Cache-Control": "public, max-age=60",
      },
    });
  } catch (error) {
    if (isPetitionError(error)) return failure(error.status, error.message);
    console.error(JSON.stringify({ event: "compare-csv-error", a, b, error: String(error) }));
    return failure(503, "Something went wrong on our side. Please try again shortly.");
  }
}

function failure(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}
