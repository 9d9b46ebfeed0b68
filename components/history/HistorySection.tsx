import "server-only";
import { formatShortMoment } from "@/lib/history/chart";
import { milestonesOf, SIGNATURE_MILESTONES } from "@/lib/petitions/milestones";
import { MOMENTUM_WINDOWS, type Momentum } from "@/lib/history/momentum";
import { POINT_LIMIT } from "@/lib/history/query";
import { historyStore, momentumOf, noteViewed } from "@/lib/history/runtime";
import type { PetitionLoad } from "@/lib/petitions";
import { HistoryPanel, type HistoryKind } from "./HistoryPanel";

/** A window that started later than asked (history younger than the window) is named by its real start. */
function windowLabels(momentum: Momentum | null) {
  const label = (window: keyof typeof MOMENTUM_WINDOWS, plain: string) => {
    const since = momentum?.[window].since;
    // A minute's slack: polls are about a minute apart, so "the last hour" may start 61 minutes back.
    const late = since !== undefined && momentum && since > momentum.asOf - MOMENTUM_WINDOWS[window] + 60_000;
    return late ? `Since ${formatShortMoment(since)}` : plain;
  };
  return { hour: label("hour", "Last hour"), day: label("day", "Last 24 h") };
}

/**
 * The signature history of the petition on the page (server part): notes the view so the poller follows an open
 * petition, reads the recorded totals, and hands them to the interactive panel. Never fails the page.
 */
export async function HistorySection({ load }: { load: PetitionLoad }) {
  const { petition } = load;
  const props = {
    petitionId: petition.id,
    milestones: milestonesOf(petition, SIGNATURE_MILESTONES),
    latest: { at: Date.parse(load.asOf), value: petition.signatureCount },
  };
  if (load.source === "embedded") {
    return <HistoryPanel {...props} kind="embedded" points={[]} windowLabels={windowLabels(null)} />;
  }
  const open = petition.state === "open";
  if (open) await noteViewed(petition.id);
  let kind: HistoryKind = open ? "open" : "closed";
  let points: { at: number; total: number }[] = [];
  let momentum: Momentum | null = null;
  try {
    const store = await historyStore();
    points = await store.points(petition.id, { limit: POINT_LIMIT.default });
    momentum = await momentumOf(load);
  } catch (error) {
    console.error(JSON.stringify({ event: "history-error", petition: petition.id, error: String(error) }));
    kind = "unavailable";
  }
  return <HistoryPanel {...props} kind={kind} points={points} windowLabels={windowLabels(momentum)} />;
}
