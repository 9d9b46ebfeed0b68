"use client";

import { useCallback, useMemo } from "react";
import { PetitionMap } from "@/components/map/PetitionMap";
import { cameraSeats, type SvgFrame } from "@/lib/geo/camera";
import { momentumNotice } from "@/lib/history/momentum-notice";
import type { MapCamera } from "@/lib/map/types";
import { buildViewHref, DEFAULT_VIEW, type Camera } from "@/lib/view-state";
import { useAtlas, useAtlasFrame, useMapHandle, usePin } from "./atlas-context";
import { useView, useViewUpdate } from "./use-view-state";

/** The petition map bound to the page: the figures on show, the view the URL records, the searched postcode. */
export function ViewMap({
  label,
  initialFrame,
  coverBottom,
}: {
  label: string;
  initialFrame: SvgFrame | null;
  coverBottom?: string;
}) {
  const { rows, scales, geometry, viewBox, hexSvg, pathname } = useAtlas();
  const { latest, liveFetch } = useAtlasFrame();
  const { pin } = usePin();
  const handle = useMapHandle();
  const { update } = useViewUpdate();
  const metric = useView((view) => view.metric);
  const kind = useView((view) => view.mapKind);
  const region = useView((view) => view.region);
  const selection = useView((view) => view.area);
  const at = useView((view) => view.at);

  const seatsKey = cameraSeats({ area: selection, region }, rows)?.join(",") ?? null;
  // The same camera object while its seats and shared camera are the same, so the map re-frames only on change.
  const camera = useMemo<MapCamera>(() => ({ seats: seatsKey?.split(",") ?? null, at }), [seatsKey, at]);
  const seatHref = useCallback(
    (code: string) => buildViewHref(pathname, { ...DEFAULT_VIEW, area: code, metric, mapKind: kind, region }),
    [pathname, metric, kind, region],
  );
  const onSelect = useCallback((code: string) => update({ area: code, at: null }), [update]);
  const onCameraMove = useCallback((moved: Camera) => update({ at: moved }, "replace"), [update]);
  // Momentum comes with the live table, after the page: until it does, the map says why it is not coloured.
  const hasMomentum = useMemo(() => latest.rows.some((row) => row.momentum), [latest.rows]);
  const notice = momentumNotice(metric, hasMomentum, liveFetch);

  return (
    <PetitionMap
      label={label}
      kind={kind}
      rows={rows}
      scale={scales[metric]}
      selection={selection}
      onSelect={onSelect}
      camera={camera}
      onCameraMove={onCameraMove}
      pin={pin}
      seatHref={seatHref}
      geometry={geometry}
      wholeMap={viewBox}
      hexSvg={kind === "hex" ? (hexSvg ?? null) : null}
      initialFrame={initialFrame}
      handle={handle}
      coverBottom={coverBottom}
      notice={notice}
    />
  );
}
