import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/seeded-random";
import type { SeatSignatures } from "@/lib/petition-index/store";
import { MIN_SEAT_SIGNATURES, overRepresentation, rankSeatPetitions, topicRatios } from "./ranking";

const row = (id: number, seat: number, inSeats: number, topics: string[] = []): SeatSignatures => ({
  id,
  title: `Petition ${id}`,
  state: "closed",
  signatureCount: inSeats,
  inSeats,
  seat,
  topics,
});

// A seat of 70,000 electors in a UK of 47,000,000: its fair share of any petition is 70,000 / 47,000,000.
const electorates = { seat: 70_000, uk: 47_000_000 };

describe("overRepresentation", () => {
  it("is the seat's share of the petition over its share of the electorate", () => {
    expect(overRepresentation(70, 47_000, electorates)).toBeCloseTo(1, 12);
    expect(overRepresentation(140, 47_000, electorates)).toBeCloseTo(2, 12);
    expect(overRepresentation(0, 47_000, electorates)).toBe(0);
    expect(overRepresentation(5, 0, electorates)).toBe(0);
  });
});

describe("rankSeatPetitions", () => {
  it("ranks by over-representation, leaves out petitions under 20 signatures in the seat, and lists by count", () => {
    const rows = [
      row(1, 300, 100_000), // 300 / (100,000 × 70/47,000) = 2.014…
      row(2, 19, 1_000), // 12.7× but only 19 signatures: not ranked
      row(3, 20, 10_000), // 1.343
      row(4, 900, 1_000_000), // 0.604
      row(5, 300, 100_000), // ties with 1 on ratio and count: lower id first
    ];
    const { overRepresented, byCount } = rankSeatPetitions(rows, electorates);
    expect(overRepresented.map((r) => r.id)).toEqual([1, 5, 3, 4]);
    expect(overRepresented[0]!.overRepresentation).toBeCloseTo((300 / 100_000) * (47_000_000 / 70_000), 10);
    expect(byCount.map((r) => r.id)).toEqual([4, 1, 5, 3, 2]);
    expect(overRepresented.every((r) => r.seat >= MIN_SEAT_SIGNATURES)).toBe(true);
  });

  it("agrees with a direct computation on random petitions", () => {
    const random = seededRandom(17);
    const rows = Array.from({ length: 500 }, (_, i) => {
      const inSeats = Math.floor(random() * 200_000) + 1;
      return row(i + 1, Math.floor(random() * random() * inSeats * 0.01), inSeats);
    });
    const ratio = (r: SeatSignatures) => r.seat / r.inSeats / (electorates.seat / electorates.uk);
    const reference = rows
      .filter((r) => r.seat >= 20)
      .map((r) => ({ id: r.id, value: ratio(r) }))
      .sort((a, b) => b.value - a.value || a.id - b.id)
      .slice(0, 20);
    const { overRepresented } = rankSeatPetitions(rows, electorates);
    expect(overRepresented.map((r) => r.id)).toEqual(reference.map((r) => r.id));
    overRepresented.forEach((r, i) => expect(r.overRepresentation).toBeCloseTo(reference[i]!.value, 10));
  });
});

describe("topicRatios", () => {
  it("compares a topic's signatures in the seat with its electorate share, for topics of 3 petitions or more", () => {
    const share = electorates.seat / electorates.uk;
    const rows = [
      row(1, 100, 47_000, ["health"]),
      row(2, 50, 47_000, ["health", "transport"]),
      row(3, 10, 4_700, ["health"]),
      row(4, 500, 47_000, ["transport"]), // transport has 2 petitions: left out
    ];
    const [health, ...rest] = topicRatios(rows, electorates);
    expect(rest).toEqual([]);
    expect(health).toMatchObject({ topic: "health", petitions: 3, signatures: 160 });
    expect(health!.ratio).toBeCloseTo(160 / ((47_000 + 47_000 + 4_700) * share), 10);
  });
});
