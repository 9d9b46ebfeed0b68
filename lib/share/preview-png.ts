import "server-only";
import pLimit from "p-limit";
import sharp from "sharp";
import type { LoadedPetition } from "@/lib/load/petition";
import type { Metric } from "@/lib/scale/scale";
import { getGeoManifest } from "@/lib/seats";
import { buildPreviewSvg } from "./preview-svg";
import { seatPathsOf } from "@/lib/geo/seat-paths-file";

/** Our own refusal: too many previews are being drawn or waiting already. */
export class PreviewBusyError extends Error {}

export interface PreviewRenderOptions {
  /** Images drawn at once (PREVIEW_RENDER_CONCURRENCY, default 2): each takes a core for a moment. */
  concurrency: number;
  /** Requests that may wait for a turn; beyond them the answer is "busy, try again". */
  maxWaiting: number;
  log?: (fields: Record<string, unknown>) => void;
}

export interface PreviewRenderer {
  render(loaded: LoadedPetition, state: { metric: Metric; area: string | null }): Promise<Buffer>;
  /** Images drawn since start. */
  readonly renders: number;
}

/** The seat of this petition a view outlines, or null: any other code draws no outline. */
export function previewArea(loaded: LoadedPetition, area: string | null): string | null {
  return loaded.joined.rows.some((row) => row.code === area) ? area : null;
}

/** Draws link-preview images, a few at a time; each drawing is one log line with the running count. */
export function createPreviewRenderer({
  concurrency,
  maxWaiting,
  log,
}: PreviewRenderOptions): PreviewRenderer {
  const limit = pLimit(concurrency);
  let renders = 0;
  const draw = async (loaded: LoadedPetition, metric: Metric, area: string | null) => {
    const started = performance.now();
    const { load, joined, scales } = loaded;
    const svg = buildPreviewSvg({
      petitionId: load.petition.id,
      title: load.petition.action,
      signatureCount: load.petition.signatureCount,
      scale: scales[metric],
      rows: joined.rows,
      paths: seatPathsOf(joined.set),
      viewBox: getGeoManifest(joined.set).viewBox,
      area,
    });
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    renders += 1;
    log?.({
      event: "preview-render",
      petition: load.petition.id,
      metric,
      area,
      ms: Math.round(performance.now() - started),
      active: limit.activeCount,
      renders,
    });
    return png;
  };
  return {
    render(loaded, { metric, area }) {
      // Counted together: a call just queued is pending until p-limit starts it on the next tick.
      if (limit.activeCount + limit.pendingCount >= concurrency + maxWaiting)
        return Promise.reject(new PreviewBusyError("Busy drawing other previews, try again in a moment"));
      return limit(draw, loaded, metric, previewArea(loaded, area));
    },
    get renders() {
      return renders;
    },
  };
}

function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value >= 1 ? value : fallback;
}

// One renderer per process: the route's bundles must share one concurrency cap.
const processWide = globalThis as typeof globalThis & { __petitionAtlasPreviews?: PreviewRenderer };

/** The link-preview PNG of a view, drawn under the process's concurrency cap; throws PreviewBusyError when full. */
export function renderPreviewPng(
  loaded: LoadedPetition,
  state: { metric: Metric; area: string | null },
): Promise<Buffer> {
  const concurrency = envCount("PREVIEW_RENDER_CONCURRENCY", 2);
  processWide.__petitionAtlasPreviews ??= createPreviewRenderer({
    concurrency,
    maxWaiting: 4 * concurrency,
    log: (fields) => process.stdout.write(JSON.stringify(fields) + "\n"),
  });
  return processWide.__petitionAtlasPreviews.render(loaded, state);
}
