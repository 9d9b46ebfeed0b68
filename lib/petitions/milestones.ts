/**
 * A petition's dated milestones, straight from its own fields: one list for the petition's history and for the
 * signatures chart, which marks the part of it signatures can reach.
 */
import type { Petition } from "./types";

export type MilestoneKind =
  | "created"
  | "moderation-threshold"
  | "opened"
  | "response-threshold"
  | "response"
  | "debate-threshold"
  | "debate"
  | "rejected"
  | "closed";

export interface Milestone {
  kind: MilestoneKind;
  /** ISO 8601. */
  at: string;
  label: string;
  /** The signature count the milestone stands for, when it is one (10,000 and 100,000). */
  signatures: number | null;
}

export const RESPONSE_THRESHOLD = 10_000;
export const DEBATE_THRESHOLD = 100_000;

/** The milestones a chart of signatures marks: from opening to closing, not the checks before or a rejection. */
export const SIGNATURE_MILESTONES: ReadonlySet<MilestoneKind> = new Set([
  "opened",
  "response-threshold",
  "response",
  "debate-threshold",
  "debate",
  "closed",
]);

/** Milestones of the given kinds (all by default) in time order; ones without a valid date are left out. */
export function milestonesOf(petition: Petition, kinds?: ReadonlySet<MilestoneKind>): Milestone[] {
  const candidates: [MilestoneKind, string | null, string, number | null][] = [
    ["created", petition.createdAt, "Created", null],
    ["moderation-threshold", petition.moderationThresholdReachedAt, "Moderation threshold reached", null],
    ["opened", petition.openedAt, "Opened for signatures", null],
    [
      "response-threshold",
      petition.responseThresholdReachedAt,
      "10,000 signatures: government to respond",
      RESPONSE_THRESHOLD,
    ],
    ["response", petition.governmentResponseAt, "Government responded", null],
    [
      "debate-threshold",
      petition.debateThresholdReachedAt,
      "100,000 signatures: considered for debate",
      DEBATE_THRESHOLD,
    ],
    ["debate", petition.debate?.debatedOn ?? petition.debateOutcomeAt, "Debated in Parliament", null],
    ["rejected", petition.rejectedAt, "Rejected", null],
    ["closed", petition.closedAt, "Closed", null],
  ];
  return candidates
    .flatMap(([kind, at, label, signatures]) =>
      (!kinds || kinds.has(kind)) && at && Number.isFinite(Date.parse(at))
        ? [{ kind, at, label, signatures }]
        : [],
    )
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
