import { petitionRouteResponse } from "@/lib/atlas/route-response";
import { liveTable } from "@/lib/atlas/live-table";

/** The per-seat table as JSON: what live refresh swaps in, and the numbers for anyone who wants them. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return petitionRouteResponse((await params).id, (view) => Response.json(liveTable(view)));
}
