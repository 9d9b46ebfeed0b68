import type { HistoryBody, HistoryFramesBody } from "@/lib/api/types";
import { milestonesOf, SIGNATURE_MILESTONES } from "@/lib/petitions/milestones";
import { parseHistoryQuery } from "@/lib/history/query";
import { historyStore } from "@/lib/history/runtime";
import { BAD_PETITION_ID, petitionErrorResponse, petitionFailureOf } from "@/lib/http/petition-error";
import { getPetition, petitionIdOf } from "@/lib/petitions";

/** History moves once a minute at most, so a short cache is safe. */
const CACHE_CONTROL = "public, max-age=30, stale-while-revalidate=30";

/**
 * GET /api/petitions/ID/history?from=&to=&area=&limit= → {petition, milestones, points: [{at, total, seat?}]};
 * with seats=all each point carries every seat's count instead (aligned with `codes`), for animating the map.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = petitionIdOf((await params).id);
  if (id === null) return petitionErrorResponse(BAD_PETITION_ID, { as: "json" });
  const parsed = parseHistoryQuery(new URL(request.url).searchParams);
  if (!parsed.ok)
    return Response.json(
      { error: parsed.message },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  const { query } = parsed;
  try {
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
      } satisfies HistoryBody | HistoryFramesBody,
      { headers: { "Cache-Control": CACHE_CONTROL } },
    );
  } catch (error) {
    return petitionErrorResponse(petitionFailureOf(error, { route: "history", petition: id }), {
      as: "json",
    });
  }
}
