import "server-only";
/**
 * The petitions index over the history's database (lib/history/sql.ts, migration 3): the latest copy of every
 * petition the crawler has seen, one row each, written in one statement so a crawl killed at any moment leaves
 * every petition either whole or absent.
 */
import { chooseBoundarySet } from "@/lib/join/boundary-set";
import type { Petition, PetitionState } from "@/lib/petitions/types";
import type { Sql } from "@/lib/history/sql";
import { getSeats, seatCodesBySet } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";
import { packSeatCounts } from "./seat-counts";

/** What the crawler compares with a list row to decide whether a petition needs fetching again. */
export interface IndexedSummary {
  state: PetitionState;
  archived: boolean;
  signatureCount: number;
  updatedAt: string | null;
}

/** An indexed petition as the seat matrix reads it: seats is the packed counts (seat-counts.ts), null without any. */
export interface IndexedPetition {
  id: number;
  title: string;
  state: PetitionState;
  signatureCount: number;
  inSeats: number;
  topics: string[];
  boundarySet: BoundarySet | null;
  seats: Uint8Array | null;
  fetchedAt: number;
}

/** One indexed petition's figures for one seat. */
export interface SeatSignatures {
  id: number;
  title: string;
  state: PetitionState;
  signatureCount: number;
  /** The petition's signatures in all seats of its boundary set. */
  inSeats: number;
  /** Its signatures in this seat. */
  seat: number;
  topics: string[];
}

export interface IndexCoverage {
  petitions: number;
  /** Petitions with a per-seat breakdown, per boundary set. */
  withSeats: Record<BoundarySet, number>;
  /** When the most recent petition was fetched (epoch ms), null for an empty index. */
  latestFetchAt: number | null;
}

/** An indexed petition found by its title, for the compare form. */
export interface IndexedTitle {
  id: number;
  title: string;
  boundarySet: BoundarySet | null;
  signatureCount: number;
}

interface SummaryRow {
  petition_id: number;
  state: PetitionState;
  archived: number;
  signature_count: number;
  updated_at: string | null;
}

const isBoundarySet = (value: unknown): value is BoundarySet => value === "2010" || value === "2024";

/** The row the index keeps for a fetched petition (without seats when it has no breakdown or fits no set). */
export function indexRecord(petition: Petition) {
  const choice = chooseBoundarySet(petition, seatCodesBySet());
  const set = choice.ok ? choice.set : null;
  const packed =
    set && petition.byConstituency.length > 0 ? packSeatCounts(getSeats(set), petition.byConstituency) : null;
  return {
    id: petition.id,
    boundarySet: set,
    inSeats: packed?.inSeats ?? 0,
    seats: packed?.blob ?? null,
  };
}

export class PetitionIndex {
  constructor(private readonly sql: Sql) {}

  /** Stores (or replaces) a petition's latest copy. */
  async save(petition: Petition, fetchedAt: number): Promise<void> {
    const { boundarySet, inSeats, seats } = indexRecord(petition);
    await this.sql.run(
      `INSERT INTO index_petitions (petition_id, title, state, archived, parliament, signature_count, created_at,
         opened_at, closed_at, rejected_at, updated_at, topics, departments, boundary_set, in_seats, seats, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (petition_id) DO UPDATE SET title = excluded.title, state = excluded.state,
         archived = excluded.archived, parliament = excluded.parliament, signature_count = excluded.signature_count,
         created_at = excluded.created_at, opened_at = excluded.opened_at, closed_at = excluded.closed_at,
         rejected_at = excluded.rejected_at, updated_at = excluded.updated_at, topics = excluded.topics,
         departments = excluded.departments, boundary_set = excluded.boundary_set, in_seats = excluded.in_seats,
         seats = excluded.seats, fetched_at = excluded.fetched_at`,
      [
        petition.id,
        petition.action,
        petition.state,
        petition.archived ? 1 : 0,
        petition.parliament?.period ?? null,
        petition.signatureCount,
        petition.createdAt,
        petition.openedAt,
        petition.closedAt,
        petition.rejectedAt,
        petition.updatedAt,
        JSON.stringify(petition.topics),
        JSON.stringify(petition.departments),
        boundarySet,
        inSeats,
        seats,
        fetchedAt,
      ],
    );
  }

  async summaries(): Promise<Map<number, IndexedSummary>> {
    const rows = await this.sql.all<SummaryRow>(
      "SELECT petition_id, state, archived, signature_count, updated_at FROM index_petitions",
    );
    return new Map(
      rows.map((row) => [
        Number(row.petition_id),
        {
          state: row.state,
          archived: Number(row.archived) === 1,
          signatureCount: Number(row.signature_count),
          updatedAt: row.updated_at,
        },
      ]),
    );
  }

  async completedParliaments(): Promise<Set<number>> {
    const rows = await this.sql.all<{ parliament: number }>("SELECT parliament FROM index_parliaments");
    return new Set(rows.map((row) => Number(row.parliament)));
  }

  async completeParliament(parliament: number, petitions: number, at: number): Promise<void> {
    await this.sql.run(
      `INSERT INTO index_parliaments (parliament, petitions, completed_at) VALUES (?, ?, ?)
       ON CONFLICT (parliament) DO UPDATE SET petitions = excluded.petitions, completed_at = excluded.completed_at`,
      [parliament, petitions, at],
    );
  }

  /**
   * Every petition fetched at or after `since` (epoch ms), oldest first: the seat matrix's first load (since 0)
   * and its refreshes. At `since` itself too, as another petition may have been saved in the same millisecond.
   */
  async fetchedSince(since: number): Promise<IndexedPetition[]> {
    const rows = await this.sql.all<{
      petition_id: number;
      title: string;
      state: PetitionState;
      signature_count: number;
      in_seats: number;
      topics: string;
      boundary_set: string | null;
      seats: Uint8Array | null;
      fetched_at: number;
    }>(
      `SELECT petition_id, title, state, signature_count, in_seats, topics, boundary_set, seats, fetched_at
       FROM index_petitions WHERE fetched_at >= ? ORDER BY fetched_at`,
      [since],
    );
    return rows.map((row) => ({
      id: Number(row.petition_id),
      title: row.title,
      state: row.state,
      signatureCount: Number(row.signature_count),
      inSeats: Number(row.in_seats),
      topics: parseTopics(row.topics),
      boundarySet: isBoundarySet(row.boundary_set) ? row.boundary_set : null,
      seats: row.seats,
      fetchedAt: Number(row.fetched_at),
    }));
  }

  /** Indexed petitions whose title contains every word of `query`, most signed first. */
  async searchTitles(query: string, limit = 10): Promise<IndexedTitle[]> {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
    if (words.length === 0) return [];
    const rows = await this.sql.all<{
      petition_id: number;
      title: string;
      boundary_set: string | null;
      signature_count: number;
    }>(
      `SELECT petition_id, title, boundary_set, signature_count FROM index_petitions
       WHERE ${words.map(() => "LOWER(title) LIKE ?").join(" AND ")}
       ORDER BY signature_count DESC, petition_id LIMIT ?`,
      [...words.map((word) => `%${word.replace(/[%_]/g, "")}%`), limit],
    );
    return rows.map((row) => ({
      id: Number(row.petition_id),
      title: row.title,
      boundarySet: isBoundarySet(row.boundary_set) ? row.boundary_set : null,
      signatureCount: Number(row.signature_count),
    }));
  }
}

function parseTopics(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((topic): topic is string => typeof topic === "string") : [];
  } catch {
    return [];
  }
}
