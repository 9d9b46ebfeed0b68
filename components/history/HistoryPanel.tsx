"use client";

import { useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/lib/api/fetch";
import type { HistoryBody } from "@/lib/api/types";
import { useAtlas } from "@/components/atlas/atlas-context";
import { useFirstPaintDone } from "@/components/atlas/use-first-paint";
import { useSelectedSeat } from "@/components/atlas/use-view-state";
import { formatCount, formatRate } from "@/lib/format";
import { formatShortMoment } from "@/lib/history/chart";
import { momentumWindowLabels } from "@/lib/history/momentum";
import type { Milestone } from "@/lib/petitions/milestones";
import { FastestGrowing } from "./FastestGrowing";
import { TimelineChart, type ChartPoint } from "./TimelineChart";
import { TimeSlider } from "./TimeSlider";

/** How the page got this petition: what to say when there is no history. */
export type HistoryKind = "open" | "closed" | "embedded";

export interface HistoryPanelProps {
  petitionId: number;
  kind: HistoryKind;
  milestones: Milestone[];
  /** The count the page shows and when it was read: a fact even without history. */
  latest: ChartPoint;
}

const REFRESH_MS = 60_000;

/** Gains can be losses: the petitions site removes signatures it finds invalid. */
const signed = (change: number) => (change < 0 ? `−${formatCount(-change)}` : `+${formatCount(change)}`);

const UNAVAILABLE = "The signature history cannot be read right now. The map and table are unaffected.";

const NO_HISTORY: Record<HistoryKind, string> = {
  open: "No snapshots yet. While this petition is open we record its numbers whenever we fetch them, about once a minute while people are viewing it.",
  closed:
    "We never recorded this petition's numbers while it was open, so only its dated milestones are shown.",
  embedded:
    "We have no record of this petition's signatures over time: only the dates it passed its milestones and its final count.",
};

/**
 * Signatures over time: the total, the selected seat beside it, a time slider for the map, the fastest-growing seats.
 * The recorded totals are fetched once the page's first content is on screen (every minute while the petition is open).
 */
export function HistoryPanel({ petitionId, kind, milestones, latest }: HistoryPanelProps) {
  const { rows } = useAtlas();
  const [moment, setMoment] = useState<number | null>(null);
  const live = kind === "open";
  const painted = useFirstPaintDone();
  const { data: totals, error } = useSWR(
    kind === "embedded" || !painted ? null : `/api/petitions/${petitionId}/history`,
    fetchJson<Pick<HistoryBody, "points">>,
    { refreshInterval: live ? REFRESH_MS : 0, revalidateOnFocus: false },
  );
  const series = (totals?.points ?? []).map((point) => ({
    at: Date.parse(point.at),
    value: point.total,
  }));
  const windowLabels = momentumWindowLabels(series[0]?.at ?? null, latest.at, formatShortMoment);
  const waiting = kind !== "embedded" && !totals && !error;
  const note = waiting
    ? "Loading the signature history…"
    : error && !totals
      ? UNAVAILABLE
      : series.length === 0
        ? NO_HISTORY[kind]
        : null;
  const seat = useSelectedSeat();
  const { data: seatHistory } = useSWR(
    seat && series.length > 0 ? `/api/petitions/${petitionId}/history?area=${seat.code}` : null,
    fetchJson<HistoryBody>,
    { refreshInterval: live ? REFRESH_MS : 0, revalidateOnFocus: false },
  );
  const seatSeries = seatHistory?.points.map((point) => ({
    at: Date.parse(point.at),
    value: point.seat ?? 0,
  }));

  return (
    <section aria-labelledby="history-title" className="space-y-3" data-testid="history-panel">
      <h2 id="history-title" className="text-base font-semibold">
        Signatures over time
      </h2>
      {note && <p className="text-sm text-slate-700">{note}</p>}
      <TimelineChart
        what="total signatures"
        points={series}
        milestones={milestones}
        latest={latest}
        marker={moment}
      />
      {seat && seatSeries && seatSeries.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">{seat.name}</h3>
          <TimelineChart
            what={`signatures in ${seat.name}`}
            points={seatSeries}
            marker={moment}
            colour="#b45309"
          />
          {seat.momentum && (
            <p className="text-xs text-slate-700">
              {windowLabels.hour}: {signed(seat.momentum.hour)} ({formatRate(seat.momentum.hourPerThousand)}{" "}
              per 1,000 electors). {windowLabels.day}: {signed(seat.momentum.day)} (
              {formatRate(seat.momentum.dayPerThousand)} per 1,000).
            </p>
          )}
        </div>
      )}
      {series.length >= 2 && <TimeSlider petitionId={petitionId} onMoment={setMoment} />}
      {rows.some((row) => row.momentum) && <FastestGrowing windowLabels={windowLabels} />}
    </section>
  );
}
