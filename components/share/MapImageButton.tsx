"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import useSWRMutation from "swr/mutation";
import { useAtlas, useMapHandle } from "@/components/atlas/atlas-context";
import { useViewState } from "@/components/atlas/use-view-state";
import { fetchBlob } from "@/lib/api/fetch";
import { formatCount } from "@/lib/format";
import { METRIC_LABELS } from "@/lib/metric-labels";
import { legendEntries, formatMetricValue } from "@/lib/share/legend";
import { previewImagePath } from "@/lib/share/links";
import { metricValue } from "@/lib/scale/scale";
import { saveBlob } from "./clipboard";
import { captureMapCanvas, composeMapImage } from "./map-image";

const CREDITS = [
  "Petition data: UK Parliament petitions site, Open Government Licence v3.0; contains Parliamentary information licensed under the Open Parliament Licence v3.0.",
  "Boundaries: Office for National Statistics, Open Government Licence v3.0; contains OS data © Crown copyright and database right.",
];

/** The live MapLibre map, drawn; null when there is none (no WebGL, or not booted yet). */
function drawnMap(map: MapLibreMap | null): MapLibreMap | null {
  return map && map.getContainer().isConnected && map.isStyleLoaded() ? map : null;
}

/**
 * Downloads the map as a PNG with title, legend and credits: the camera as it is now when the interactive map is
 * running, else the server-drawn preview of the same view.
 */
export function MapImageButton({
  title,
  className,
  onResult,
}: {
  title: string;
  className: string;
  onResult: (message: string) => void;
}) {
  const { petitionId, rows, scales, signatureCount } = useAtlas();
  const { view } = useViewState();
  const mapHandle = useMapHandle();
  const subtitle = () => {
    const total = `${formatCount(signatureCount)} signatures`;
    const selected = rows.find((row) => row.code === view.area);
    if (!selected) return total;
    const value = formatMetricValue(view.metric, metricValue(selected, view.metric));
    return `${total} · ${selected.name} — ${METRIC_LABELS[view.metric]}: ${value}`;
  };

  // A user-triggered fetch: SWR's mutation says while it runs, and caches nothing.
  const { trigger: download, isMutating: busy } = useSWRMutation(["map-image", petitionId], async () => {
    const fileName = `petition-${petitionId}-${view.metric}${view.area ? `-${view.area}` : ""}.png`;
    try {
      const map = drawnMap(mapHandle.current);
      const blob = map
        ? await mapPng(map, {
            title,
            subtitle: subtitle(),
            legendCaption: METRIC_LABELS[view.metric],
            legend: legendEntries(scales[view.metric]),
            credits: [`Petition Atlas: ${window.location.href}`, ...CREDITS],
          })
        : await fetchBlob(previewImagePath(petitionId, view));
      saveBlob(blob, fileName);
      onResult(`Map image saved as ${fileName}.`);
    } catch (error) {
      console.warn("Map image failed", error);
      onResult("Sorry, the map image could not be made. The CSV table download still works.");
    }
  });

  return (
    <button
      type="button"
      onClick={() => void download()}
      disabled={busy}
      aria-busy={busy}
      className={className}
    >
      {busy ? "Making image…" : "Download map (PNG)"}
    </button>
  );
}

async function mapPng(map: MapLibreMap, text: Parameters<typeof composeMapImage>[2]): Promise<Blob> {
  const canvas = await captureMapCanvas(map);
  const pixelRatio = canvas.width / Math.max(1, map.getCanvas().clientWidth);
  const composed = composeMapImage(canvas, pixelRatio, text);
  return new Promise((resolve, reject) =>
    composed.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("Canvas gave no PNG"))), "image/png"),
  );
}
