import "server-only";
import { momentumOf } from "@/lib/history/runtime";
import { withMomentum, type Momentum } from "@/lib/history/momentum";
import { chooseBoundarySet, UnknownBoundaryError } from "@/lib/join/boundary-set";
import { joinPetition } from "@/lib/join/join";
import type { JoinedPetition } from "@/lib/join/types";
import { getPetition, type PetitionLoad } from "@/lib/petitions";
import { buildScale, METRICS, type ColourScale, type Metric } from "@/lib/scale/scale";
import { getSeats, seatCodesBySet } from "@/lib/seats";

export interface LoadedPetition {
  load: PetitionLoad;
  joined: JoinedPetition;
  scales: Record<Metric, ColourScale>;
  /** False for petitions without a constituency breakdown (rejected ones): the map is drawn but not coloured. */
  hasBreakdown: boolean;
}

/**
 * A petition joined to its boundary set, with a colour scale per metric: everything a page, CSV or API shows. With
 * `momentum`, each seat's recent gains are read from the signature history first (the JSON and CSV answers); a page
 * never waits on the history: the browser fetches the momentum after the map (GET /api/petitions/ID).
 */
export async function loadPetition(id: number, { momentum = false } = {}): Promise<LoadedPetition> {
  const load = await getPetition(id);
  // A fetch is known by its petition and time (a Redis-backed cache hands out a new object per read, so object
  // identity would miss), and the history only grows on a fetch: each fetch is joined and classed once however
  // many pages, CSVs and API calls read it.
  const key = `${load.petition.id}@${load.asOf}${momentum ? "+momentum" : ""}`;
  let loaded = recentLoads.get(key);
  if (loaded) recentLoads.delete(key);
  else {
    loaded = (momentum ? momentumOf(load) : Promise.resolve(null)).then((gains) =>
      buildLoadedPetition(load, gains),
    );
    loaded.catch(() => recentLoads.delete(key));
  }
  recentLoads.set(key, loaded);
  // Oldest first: a Map keeps insertion order, and each read above moved its entry to the end.
  for (const oldest of recentLoads.keys()) {
    if (recentLoads.size <= MAX_RECENT_LOADS) break;
    recentLoads.delete(oldest);
  }
  const { joined, scales, hasBreakdown } = await loaded;
  return { load, joined, scales, hasBreakdown };
}

/** Loaded petitions of the fetches read lately, least recently read first. */
const recentLoads = new Map<string, Promise<LoadedPetition>>();
const MAX_RECENT_LOADS = 64;

/** `momentum` (from the signature history) fills each row's momentum; without it the momentum metric is all 0. */
export function buildLoadedPetition(load: PetitionLoad, momentum: Momentum | null = null): LoadedPetition {
  const choice = chooseBoundarySet(load.petition, seatCodesBySet());
  if (!choice.ok) throw new UnknownBoundaryError(choice);
  const plain = joinPetition(load.petition, choice.set, getSeats(choice.set));
  const joined = { ...plain, rows: withMomentum(plain.rows, momentum) };
  const scales = Object.fromEntries(
    METRICS.map((metric) => [metric, buildScale(metric, joined.rows, joined.national)]),
  ) as Record<Metric, ColourScale>;
  return { load, joined, scales, hasBreakdown: load.petition.byConstituency.length > 0 };
}
