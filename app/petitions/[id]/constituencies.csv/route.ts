import { seatTableCsv } from "@/lib/atlas/csv";
import { petitionRouteResponse } from "@/lib/atlas/route-response";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return petitionRouteResponse((await params).id, (view) => {
    return new Response(seatTableCsv(view.joined.rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="petition-${view.load.petition.id}-constituencies.csv"`,
      },
    });
  });
}
