"use client";

import { useViewState } from "@/components/atlas/use-view-state";
import { buildViewHref } from "@/lib/view-state";

/** From an embed to the same view on the full site, opened outside the frame. */
export function FullViewLink({ petitionId }: { petitionId: number }) {
  const { view } = useViewState();
  return (
    <a
      href={buildViewHref(`/petitions/${petitionId}`, view)}
      target="_blank"
      rel="noopener"
      className="font-medium text-sky-800 underline"
    >
      Open the full map on Petition Atlas
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
