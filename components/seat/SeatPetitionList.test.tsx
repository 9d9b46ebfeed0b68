import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SeatSignatures } from "@/lib/petition-index/store";
import { seededRandom } from "@/lib/seeded-random";
import { rankSeatPetitions } from "@/lib/seat-page/ranking";
import { SeatPetitionList } from "./SeatPetitionList";

describe("SeatPetitionList", () => {
  it("writes one data-petition-id row per ranked petition, in the ranking's order, each linking to the seat's map", () => {
    const random = seededRandom(23);
    const rows: SeatSignatures[] = Array.from({ length: 200 }, (_, i) => {
      const inSeats = Math.floor(random() * 100_000) + 1_000;
      return {
        id: 900_000 + i,
        title: `Petition ${i}`,
        state: "closed",
        signatureCount: inSeats,
        inSeats,
        seat: Math.floor(random() * inSeats * 0.005),
        topics: [],
      };
    });
    const { overRepresented } = rankSeatPetitions(rows, { seat: 70_000, uk: 47_000_000 });
    const html = renderToStaticMarkup(
      <SeatPetitionList
        rows={overRepresented}
        seatCode="E14000911"
        testId="seat-petitions"
        emphasis="ratio"
      />,
    );
    expect(html).toContain('data-testid="seat-petitions"');
    const ids = [...html.matchAll(/data-petition-id="(\d+)"/g)].map((match) => Number(match[1]));
    expect(ids).toHaveLength(20);
    expect(ids).toEqual(overRepresented.map((row) => row.id));
    const ratios = overRepresented.map((row) => row.overRepresentation);
    expect(ratios).toEqual(ratios.toSorted((a, b) => b - a));
    expect(html).toContain(`href="/petitions/${ids[0]}?area=E14000911"`);
  });
});
