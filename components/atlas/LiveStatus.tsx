"use client";

import { useEffect, useState } from "react";
import { formatCount } from "@/lib/format";
import { useAtlas } from "./atlas-context";

function ago(seconds: number): string {
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}

/** "Updated 12 s ago" for open petitions, whose numbers refresh every minute without a reload. */
export function LiveStatus() {
  const { live, asOf, signatureCount, stale } = useAtlas();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!live) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 5000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [live]);
  if (!live) return null;
  const seconds = now === null ? 0 : Math.max(0, Math.round((now - Date.parse(asOf)) / 1000));
  return (
    <p className="text-sm text-slate-600" aria-live="off">
      <span className="mr-1 inline-block h-2 w-2 rounded-full bg-emerald-500" aria-hidden="true" />
      Live: <strong className="tabular-nums">{formatCount(signatureCount)}</strong> signatures · updated{" "}
      {now === null ? "just now" : ago(seconds)}
      {stale && " (the petitions site is not answering; showing our last copy)"}
    </p>
  );
}
