import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import archivedFixture from "@/test/upstream/fixtures/600001.json";
import { reshapePetition } from "@/lib/petitions/reshape";
import { getSeats } from "@/lib/seats";
import { grown, openPetition, seatCount, smallPetition } from "@/test/history/petitions";
import { storesFor, storeVariants } from "@/test/history/stores";
import { sharedData } from "@/scripts/data/paths";
import { unpackSeatCounts } from "./seat-counts";
import { SeatMatrix } from "./seat-matrix";
import { PetitionIndex } from "./store";

const T0 = Date.parse("2026-03-01T12:00:00Z");
const rejectedJson: unknown = JSON.parse(
  readFileSync(sharedData("petitions", "petition_751154_2025_rejected_no_breakdown.json"), "utf8"),
);

describe.each(storeVariants())("petitions index on $name", (variant) => {
  const freshStore = storesFor(variant);
  const fresh = async () => {
    const { store } = await freshStore();
    return { index: new PetitionIndex(store.sql), sql: store.sql };
  };

  describe.skipIf(variant.skip)(variant.name, () => {
    it("keeps one row per petition with its seats in the boundary set's order", async () => {
      const { index, sql } = await fresh();
      const open = openPetition();
      await index.save(open, T0);
      await index.save(grown(open, 2), T0 + 1000);
      const held = await sql.all<{ seats: Uint8Array; in_seats: number }>(
        "SELECT seats, in_seats FROM index_petitions",
      );
      expect(held).toHaveLength(1);
      const row = held[0];
      const later = grown(open, 2);
      const seats = getSeats("2024");
      expect([...unpackSeatCounts(row!.seats)]).toEqual(seats.map((seat) => seatCount(later, seat.code)));
      expect(Number(row!.in_seats)).toBe(later.byConstituency.reduce((sum, seat) => sum + seat.count, 0));
    });

    it("hands a seat page one seat's count of every petition in its set", async () => {
      const { index } = await fresh();
      const open = openPetition();
      const small = smallPetition();
      const archived = reshapePetition(structuredClone(archivedFixture));
      for (const petition of [open, small, archived]) await index.save(petition, T0);
      const matrix = new SeatMatrix();
      await matrix.refresh(index);
      const seats = getSeats("2024");
      const seatIndex = 17;
      const code = seats[seatIndex]!.code;
      const rows = matrix.seatSignatures("2024", seatIndex);
      expect(rows.map((row) => [row.id, row.seat]).toSorted()).toEqual(
        [open, small].map((petition) => [petition.id, seatCount(petition, code)]).toSorted(),
      );
      const in2010 = matrix.seatSignatures("2010", 0);
      expect(in2010.map((row) => row.id)).toEqual([archived.id]);
      expect(in2010[0]!.seat).toBe(seatCount(archived, getSeats("2010")[0]!.code));
    });

    it("refreshes the matrix with only what was saved since, a petition replacing its earlier copy", async () => {
      const { index } = await fresh();
      const open = openPetition();
      await index.save(open, T0);
      await index.save(smallPetition(), T0 + 1);
      const matrix = new SeatMatrix();
      await matrix.refresh(index);
      expect(await index.fetchedSince(T0 + 1)).toHaveLength(1);
      const later = grown(open, 3);
      await index.save(later, T0 + 2);
      await index.save(reshapePetition(rejectedJson), T0 + 3);
      expect((await index.fetchedSince(T0 + 1)).map((row) => row.id)).toEqual([
        smallPetition().id,
        open.id,
        reshapePetition(rejectedJson).id,
      ]);
      await matrix.refresh(index);
      const seatIndex = 3;
      const code = getSeats("2024")[seatIndex]!.code;
      const rows = matrix.seatSignatures("2024", seatIndex).filter((row) => row.id === open.id);
      expect(rows).toEqual([
        expect.objectContaining({ seat: seatCount(later, code), signatureCount: later.signatureCount }),
      ]);
      expect(matrix.coverage()).toEqual({
        petitions: 3,
        withSeats: { "2010": 0, "2024": 2 },
        latestFetchAt: T0 + 3,
      });
    });

    it("records a rejected petition without seats, and counts coverage per set", async () => {
      const { index } = await fresh();
      const matrix = new SeatMatrix();
      await matrix.refresh(index);
      expect(matrix.coverage()).toEqual({
        petitions: 0,
        withSeats: { "2010": 0, "2024": 0 },
        latestFetchAt: null,
      });
      await index.save(reshapePetition(rejectedJson), T0);
      await index.save(openPetition(), T0 + 5);
      await matrix.refresh(index);
      expect(matrix.coverage()).toEqual({
        petitions: 2,
        withSeats: { "2010": 0, "2024": 1 },
        latestFetchAt: T0 + 5,
      });
      expect(matrix.seatSignatures("2024", 0)).toHaveLength(1);
    });

    it("finds petitions by the words of their title", async () => {
      const { index } = await fresh();
      const open = openPetition();
      await index.save(open, T0);
      await index.save(smallPetition(), T0);
      const words = open.action.split(" ");
      expect(
        (await index.searchTitles(`${words[1]} ${words[0]!.toUpperCase()}`)).map((hit) => hit.id),
      ).toEqual([open.id]);
      expect(await index.searchTitles("   ")).toEqual([]);
      expect(await index.searchTitles("100%_")).toEqual([]);
    });
  });
});
