/**
 * The bodies of the app's JSON API, as the routes write them and the browser reads them: one declaration each, so
 * a route and its callers cannot drift apart.
 */
import type { SeatFrame } from "@/lib/history/frames";
import type { Milestone } from "@/lib/petitions/milestones";
import type { PostcodeFound } from "@/lib/postcodes/lookup";

export type { LiveTable } from "./live-table";

/** Any failed answer: a message a reader can act on. */
export interface ApiError {
  error: string;
}

/** One snapshot of GET /api/petitions/ID/history: the total, and with ?area= that seat's count. */
export interface HistoryPoint {
  /** ISO 8601. */
  at: string;
  total: number;
  seat?: number;
}

interface HistoryHead {
  petition: { id: number; action: string; state: string; signatureCount: number; asOf: string };
  milestones: Milestone[];
  area?: string;
}

/** GET /api/petitions/ID/history: the petition's totals over time. */
export interface HistoryBody extends HistoryHead {
  points: HistoryPoint[];
}

/** GET /api/petitions/ID/history?seats=all: every seat's count at each snapshot, aligned with `codes`. */
export interface HistoryFramesBody extends HistoryHead {
  codes: string[];
  points: SeatFrame[];
}

/** GET /api/postcodes/PC: the postcode's seat in each boundary set, or why there is none. */
export type PostcodeBody =
  | Pick<PostcodeFound, "postcode" | "location" | "sets">
  | (ApiError & { postcode?: string; crownDependency?: true });
