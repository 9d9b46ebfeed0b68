/** A petition's dated milestones, straight from its own fields: facts the timeline can show with or without history. */
import type { Petition } from "@/lib/petitions/types";

export type MilestoneKind =
  "opened" | "response-threshold" | "response" | "debate-threshold" | "debate" | "closed";

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

/** Milestones in time order; ones without a date are left out. */
export function milestonesOf(petition: Petition): Milestone[] {
  const candidates: [MilestoneKind, string | null, string, number | null][] = [
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
    ["closed", petition.closedAt, "Closed", null],
  ];
  return candidates
    .flatMap(([kind, at, label, signatures]) =>
      at && Number.isFinite(Date.parse(at)) ? [{ kind, at, label, signatures }] : [],
    )
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
