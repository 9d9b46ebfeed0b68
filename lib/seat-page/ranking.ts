/**
 * What a seat's electors sign relative to the UK. Over-representation of a petition in a seat =
 * (seat's signatures ÷ the petition's signatures in all seats) ÷ (seat's electorate ÷ UK electorate): 1 when the
 * seat signs exactly its electorate's share, 2 when twice that. Electorates are the ones the map's rates use.
 */
import type { SeatSignatures } from "@/lib/petition-index/store";

/** A petition needs this many signatures in the seat to be ranked: below it, one household moves the ratio. */
export const MIN_SEAT_SIGNATURES = 20;
/** A topic needs this many petitions in the set before its ratio means anything. */
export const MIN_TOPIC_PETITIONS = 3;

export interface Electorates {
  seat: number;
  uk: number;
}

export interface RankedPetition extends SeatSignatures {
  overRepresentation: number;
}

export interface TopicRatio {
  topic: string;
  petitions: number;
  signatures: number;
  /** Signatures the seat's electorate share predicts. */
  expected: number;
  ratio: number;
}

export function overRepresentation(seat: number, inSeats: number, electorates: Electorates): number {
  if (inSeats <= 0 || electorates.seat <= 0 || electorates.uk <= 0) return 0;
  return seat / inSeats / (electorates.seat / electorates.uk);
}

const byRatio = (a: RankedPetition, b: RankedPetition) =>
  b.overRepresentation - a.overRepresentation || b.seat - a.seat || a.id - b.id;
const byCount = (a: RankedPetition, b: RankedPetition) =>
  b.seat - a.seat || b.overRepresentation - a.overRepresentation || a.id - b.id;

/** The petitions most over-represented in the seat (≥ MIN_SEAT_SIGNATURES there), and those most signed there. */
export function rankSeatPetitions(
  rows: readonly SeatSignatures[],
  electorates: Electorates,
  limit = 20,
): { overRepresented: RankedPetition[]; byCount: RankedPetition[] } {
  const ranked = rows.map((row) => ({
    ...row,
    overRepresentation: overRepresentation(row.seat, row.inSeats, electorates),
  }));
  return {
    overRepresented: ranked
      .filter((row) => row.seat >= MIN_SEAT_SIGNATURES)
      .sort(byRatio)
      .slice(0, limit),
    byCount: ranked
      .filter((row) => row.seat > 0)
      .sort(byCount)
      .slice(0, limit),
  };
}

/** Per topic with ≥ MIN_TOPIC_PETITIONS petitions: the seat's signatures in them ÷ what its electorate share predicts. */
export function topicRatios(rows: readonly SeatSignatures[], electorates: Electorates): TopicRatio[] {
  const share = electorates.uk > 0 ? electorates.seat / electorates.uk : 0;
  const topics = new Map<string, { petitions: number; signatures: number; expected: number }>();
  for (const row of rows) {
    for (const topic of new Set(row.topics)) {
      const entry = topics.get(topic) ?? { petitions: 0, signatures: 0, expected: 0 };
      entry.petitions += 1;
      entry.signatures += row.seat;
      entry.expected += row.inSeats * share;
      topics.set(topic, entry);
    }
  }
  return [...topics]
    .filter(([, entry]) => entry.petitions >= MIN_TOPIC_PETITIONS && entry.expected > 0)
    .map(([topic, entry]) => ({ topic, ...entry, ratio: entry.signatures / entry.expected }))
    .sort((a, b) => b.ratio - a.ratio || a.topic.localeCompare(b.topic));
}
