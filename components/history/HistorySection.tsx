import { milestonesOf, SIGNATURE_MILESTONES } from "@/lib/petitions/milestones";
import type { PetitionLoad } from "@/lib/petitions";
import { HistoryPanel, type HistoryKind } from "./HistoryPanel";

/**
 * The signature history of the petition on the page: its dated milestones and the count it shows, from the
 * petition itself. The recorded totals are read by the browser (GET /api/petitions/ID/history) after the map, so
 * the page neither waits on the history database nor carries a value read from it.
 */
export function HistorySection({ load }: { load: PetitionLoad }) {
  const { petition } = load;
  const kind: HistoryKind =
    load.source === "embedded" ? "embedded" : petition.state === "open" ? "open" : "closed";
  return (
    <HistoryPanel
      petitionId={petition.id}
      kind={kind}
      milestones={milestonesOf(petition, SIGNATURE_MILESTONES)}
      latest={{ at: Date.parse(load.asOf), value: petition.signatureCount }}
    />
  );
}
