import { seatTableCsv } from "@/lib/export/csv";
import { petitionRouteResponse } from "@/lib/http/petition-route";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return petitionRouteResponse((await params).id, (loaded) => {
    return new Response(seatTableCsv(loaded.joined.rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="petition-${loaded.load.petition.id}-constituencies.csv"`,
      },
    });
  });
}
