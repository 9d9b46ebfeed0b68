import { milestonesOf, SIGNATURE_MILESTONES } from "@/lib/petitions/milestones";
import { parseHistoryQuery } from "@/lib/history/query";
import { historyStore, startHistory } from "@/lib/history/runtime";
import { getPetition, isPetitionError, petitionIdOf } from "@/lib/petitions";

/** History moves once a minute at most, so a short cache is safe. */
const CACHE_CONTROL = "public, max-age=30, stale-while-revalidate=30";

function errorResponse(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * GET /api/petitions/ID/history?from=&to=&area=&limit= → {petition, milestones, points: [{at, total, seat?}]};
 * with seats=all each point carries every seat's count instead (aligned with `codes`), for animating the map.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = petitionIdOf((await params).id);
  if (id === null) return errorResponse(400, "A petition id is a number, e.g. 575833.");
  const parsed = parseHistoryQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse(400, parsed.message);
  const { query } = parsed;
  try {
    startHistory();
    const load = await getPetition(id);
    const { petition } = load;
    const store = await historyStore();
    const range = { from: query.from, to: query.to, limit: query.limit };
    const iso = (at: number) => new Date(at).toISOString();
    const series = query.seats
      ? await store.frames(petition.id, range).then(({ codes, frames }) => ({
          codes,
          points: frames.map((frame) => ({ ...frame, at: iso(frame.at) })),
        }))
      : {
          points: (await store.points(petition.id, { ...range, area: query.area })).map((point) => ({
            ...point,
            at: iso(point.at),
          })),
        };
    return Response.json(
      {
        petition: {
          id: petition.id,
          action: petition.action,
          state: petition.state,
          signatureCount: petition.signatureCount,
          asOf: load.asOf,
        },
        milestones: milestonesOf(petition, SIGNATURE_MILESTONES),
        ...(query.area === undefined ? {} : { area: query.area }),
        ...series,
      },
      { headers: { "Cache-Control": CACHE_CONTROL } },
    );
  } catch (error) {
    if (isPetitionError(error)) return errorResponse(error.status, error.message);
    console.error(
      JSON.stringify({ event: "route-error", route: "history", petition: id, error: String(error) }),
    );
    return errorResponse(503, "The signature history is unavailable right now. Please try again shortly.");
  }
}
