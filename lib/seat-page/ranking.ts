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

/** The petitions most over-represented in the seat (≥ MIN_SEAT_SIGNATURES there), and those most signed there. */
export function rankSeatPetitions(
  rows: readonly SeatSignatures[],
  electorates: Electorates,
  limit = 20,
): { overRepresented: RankedPetition[]; byCount: RankedPetition[] } {
  // Positions and ratios are sorted, and only the rows shown become objects: a seat page ranks every petition.
  const ratios = Float64Array.from(rows, (row) => overRepresentation(row.seat, row.inSeats, electorates));
  const seat = (i: number) => rows[i]!.seat;
  const id = (i: number) => rows[i]!.id;
  const byRatio = (a: number, b: number) => ratios[b]! - ratios[a]! || seat(b) - seat(a) || id(a) - id(b);
  const byCount = (a: number, b: number) => seat(b) - seat(a) || ratios[b]! - ratios[a]! || id(a) - id(b);
  const top = (keep: (i: number) => boolean, order: (a: number, b: number) => number) =>
    rows
      .map((_, i) => i)
      .filter(keep)
      .sort(order)
      .slice(0, limit)
      .map((i) => ({ ...rows[i]!, overRepresentation: ratios[i]! }));
  return {
    overRepresented: top((i) => seat(i) >= MIN_SEAT_SIGNATURES, byRatio),
    byCount: top((i) => seat(i) > 0, byCount),
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
