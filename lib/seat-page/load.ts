import "server-only";
import overlap from "@/data/seat-overlap.json";
import { indexRecord, type IndexCoverage, type SeatSignatures } from "@/lib/petition-index/store";
import { seatMatrix } from "@/lib/petition-index/runtime";
import { getPetition, SEED_PETITION_ID } from "@/lib/petitions";
import { getSeats, seatByCode } from "@/lib/seats";
import type { BoundarySet, SeatMeta } from "@/lib/seats/types";
import { rankSeatPetitions, topicRatios, type RankedPetition, type TopicRatio } from "./ranking";

const OVERLAP = overlap as unknown as Record<BoundarySet, Record<string, [string, number][]>>;

export interface LinkedSeat {
  code: string;
  name: string;
  /** Share of this page's seat's people that the linked seat holds. */
  share: number;
}

export interface SeatPage {
  seat: SeatMeta;
  set: BoundarySet;
  overRepresented: RankedPetition[];
  byCount: RankedPetition[];
  topics: TopicRatio[];
  /** The index's size and age; null when the index could not be read. */
  coverage: IndexCoverage | null;
  /** The seats of the other boundary set that hold this seat's people, most first. */
  linked: { set: BoundarySet; seats: LinkedSeat[] };
}

/** Which set a seat page shows: `preferred` when the code is in it (five Scottish codes are in both), else 2024, else 2010. */
export function seatSetOf(code: string, preferred?: string): BoundarySet | null {
  if ((preferred === "2010" || preferred === "2024") && seatByCode(preferred, code)) return preferred;
  if (seatByCode("2024", code)) return "2024";
  if (seatByCode("2010", code)) return "2010";
  return null;
}

/** The bundled seed petition as an index row, for a 2010 seat page before (or without) any crawl. */
async function seedRow(seatCode: string): Promise<SeatSignatures> {
  const { petition } = await getPetition(SEED_PETITION_ID);
  return {
    id: petition.id,
    title: petition.action,
    state: petition.state,
    signatureCount: petition.signatureCount,
    inSeats: indexRecord(petition).inSeats,
    seat: petition.byConstituency.find((row) => row.code === seatCode)?.count ?? 0,
    topics: petition.topics,
  };
}

async function indexed(
  set: BoundarySet,
  seatIndex: number,
): Promise<{ rows: SeatSignatures[]; coverage: IndexCoverage | null }> {
  try {
    const matrix = await seatMatrix();
    return { rows: matrix.seatSignatures(set, seatIndex), coverage: matrix.coverage() };
  } catch (error) {
    console.error(JSON.stringify({ event: "seat-page-index-error", error: String(error) }));
    return { rows: [], coverage: null };
  }
}

export async function loadSeatPage(code: string, preferredSet?: string): Promise<SeatPage | null> {
  const set = seatSetOf(code, preferredSet);
  if (!set) return null;
  const seats = getSeats(set);
  const seatIndex = seats.findIndex((seat) => seat.code === code);
  const seat = seats[seatIndex]!;
  const { rows, coverage } = await indexed(set, seatIndex);
  if (set === "2010" && !rows.some((row) => row.id === SEED_PETITION_ID)) rows.push(await seedRow(code));
  const electorates = { seat: seat.electorate, uk: seats.reduce((sum, s) => sum + s.electorate, 0) };
  const other: BoundarySet = set === "2010" ? "2024" : "2010";
  return {
    seat,
    set,
    ...rankSeatPetitions(rows, electorates),
    topics: topicRatios(rows, electorates),
    coverage,
    linked: {
      set: other,
      seats: (OVERLAP[set][code] ?? []).map(([linked, share]) => ({
        code: linked,
        name: seatByCode(other, linked)?.name ?? linked,
        share,
      })),
    },
  };
}
