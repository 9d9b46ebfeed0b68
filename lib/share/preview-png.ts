import "server-only";
import sharp from "sharp";
import type { LoadedPetition } from "@/lib/load/petition";
import type { Metric } from "@/lib/scale/scale";
import { getGeoManifest } from "@/lib/seats";
import { buildPreviewSvg } from "./preview-svg";
import { seatPathsOf } from "@/lib/geo/seat-paths-file";

/** Images recently drawn, by petition, data time, metric and seat: crawlers ask for the same few again and again. */
const MAX_CACHED = 48;
const recent = new Map<string, Buffer>();

export async function renderPreviewPng(
  loaded: LoadedPetition,
  state: { metric: Metric; area: string | null },
): Promise<Buffer> {
  const { load, joined, scales } = loaded;
  const area = joined.rows.some((row) => row.code === state.area) ? state.area : null;
  const key = [load.petition.id, load.asOf, state.metric, area ?? ""].join("|");
  const cached = recent.get(key);
  if (cached) {
    // Re-inserting keeps the map in least-recently-used order.
    recent.delete(key);
    recent.set(key, cached);
    return cached;
  }
  const svg = buildPreviewSvg({
    petitionId: load.petition.id,
    title: load.petition.action,
    signatureCount: load.petition.signatureCount,
    scale: scales[state.metric],
    rows: joined.rows,
    paths: seatPathsOf(joined.set),
    viewBox: getGeoManifest(joined.set).viewBox,
    area,
  });
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  recent.set(key, png);
  if (recent.size > MAX_CACHED) recent.delete(recent.keys().next().value ?? "");
  return png;
}
