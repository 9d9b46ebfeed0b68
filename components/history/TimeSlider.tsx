"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useAtlasFrame } from "@/components/atlas/atlas-context";
import { formatCount } from "@/lib/format";
import { formatMoment } from "@/lib/history/chart";
import { fetchJson } from "@/lib/api/fetch";
import type { HistoryFramesBody } from "@/lib/api/types";
import { figuresAt } from "@/lib/history/frames";

const STEP_MS = 500;

/**
 * Moves the whole atlas (map, legend, table, panel) back through the recorded snapshots: a range input and a
 * play/pause button. Every seat's counts are fetched once, on first use; the last position is "now".
 */
export function TimeSlider({
  petitionId,
  onMoment,
}: {
  petitionId: number;
  onMoment: (at: number | null) => void;
}) {
  const { latest, setFrame } = useAtlasFrame();
  const [answer, setAnswer] = useState<HistoryFramesBody | null>(null);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const [index, setIndex] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const loading = useRef<Promise<HistoryFramesBody | null> | null>(null);

  const load = useCallback(() => {
    if (!loading.current) {
      setStatus("loading");
      loading.current = fetchJson<HistoryFramesBody>(`/api/petitions/${petitionId}/history?seats=all`)
        .then((body) => {
          setAnswer(body);
          setStatus("idle");
          return body;
        })
        .catch(() => {
          setStatus("error");
          loading.current = null;
          return null;
        });
    }
    return loading.current;
  }, [petitionId]);

  const frames = answer?.points ?? [];
  const last = frames.length - 1;
  const showing = index !== null && index < last ? index : null;

  // Show the chosen snapshot everywhere; the last one (or none) is "now", i.e. the live figures.
  useEffect(() => {
    if (!answer || showing === null) {
      setFrame(null);
      onMoment(null);
      return;
    }
    const frame = answer.points[showing]!;
    setFrame({
      ...figuresAt(latest, answer.codes, answer.points, showing),
      signatureCount: frame.total,
      asOf: frame.at,
    });
    onMoment(Date.parse(frame.at));
  }, [answer, showing, latest, setFrame, onMoment]);

  useEffect(() => () => setFrame(null), [setFrame]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setIndex((current) => {
        const next = (current ?? 0) + 1;
        if (next >= last) setPlaying(false);
        return Math.min(next, last);
      });
    }, STEP_MS);
    return () => clearInterval(timer);
  }, [playing, last]);

  const play = async () => {
    if (playing) return setPlaying(false);
    const body = answer ?? (await load());
    if (!body || body.points.length < 2) return;
    if (index === null || index >= body.points.length - 1) setIndex(0);
    setPlaying(true);
  };

  const position = index ?? last;
  const moment = frames[position];
  return (
    <div className="space-y-1" data-testid="time-slider" data-frame={showing ?? "now"}>
      <div className="flex items-center gap-2">
        <button
          type="button"
          onClick={play}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
          aria-pressed={playing}
        >
          {playing ? "Pause" : "Play"}
        </button>
        <input
          type="range"
          min={0}
          max={answer ? Math.max(0, last) : 1}
          value={answer ? Math.max(0, position) : 1}
          onFocus={() => void load()}
          onPointerDown={() => void load()}
          onChange={(event) => {
            setPlaying(false);
            setIndex(Number(event.target.value));
          }}
          aria-label="Snapshot shown on the map"
          aria-valuetext={moment ? formatMoment(Date.parse(moment.at)) : "now"}
          className="min-w-0 flex-1"
        />
        {showing !== null && (
          <button
            type="button"
            onClick={() => {
              setPlaying(false);
              setIndex(null);
            }}
            className="rounded px-2 py-1 text-sm text-slate-700 underline"
          >
            Now
          </button>
        )}
      </div>
      {/* Read out when it settles, not at every frame of a playback. */}
      <p className="text-xs text-slate-600" aria-live={playing ? "off" : "polite"}>
        {status === "loading" && "Loading snapshots…"}
        {status === "error" && "The snapshots could not be loaded."}
        {status === "idle" && moment && showing !== null
          ? `Map shows ${formatCount(moment.total)} signatures at ${formatMoment(Date.parse(moment.at))} (snapshot ${showing + 1} of ${frames.length}); colours keep today's classes.`
          : status === "idle" &&
            "Map shows the latest figures. Play or drag to go back through the snapshots."}
      </p>
    </div>
  );
}
