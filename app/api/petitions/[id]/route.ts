import { petitionRouteResponse } from "@/lib/http/petition-route";
import { liveTable } from "@/lib/api/live-table";

/** The per-seat table as JSON: what live refresh swaps in, and the numbers for anyone who wants them. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return petitionRouteResponse((await params).id, (loaded) => Response.json(liveTable(loaded)));
}
