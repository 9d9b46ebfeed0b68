import { petitionRouteResponse } from "@/lib/atlas/route-response";

/** The per-seat table as JSON, for live refresh and for anyone who wants the numbers. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return petitionRouteResponse((await params).id, (view) =>
    Response.json({
      petition: {
        id: view.load.petition.id,
        action: view.load.petition.action,
        state: view.load.petition.state,
        signatureCount: view.load.petition.signatureCount,
      },
      asOf: view.load.asOf,
      stale: view.load.stale,
      boundarySet: view.joined.set,
      national: view.joined.national,
      seats: view.joined.rows.map((row) => ({
        code: row.code,
        name: row.name,
        count: row.count,
        share: row.share,
        perThousand: row.perThousand,
        rank: row.rank,
      })),
    }),
  );
}
