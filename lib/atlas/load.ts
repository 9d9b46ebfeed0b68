import "server-only";
import { momentumOf } from "@/lib/history/runtime";
import { withMomentum, type Momentum } from "@/lib/history/momentum";
import { chooseBoundarySet } from "@/lib/join/boundary-set";
import { joinPetition } from "@/lib/join/join";
import type { JoinedPetition } from "@/lib/join/types";
import { getPetition, type Petition, type PetitionLoad } from "@/lib/petitions";
import { buildScale, METRICS, type ColourScale, type Metric } from "@/lib/scale/scale";
import { getGeoManifest, getSeats } from "@/lib/seats";
import type { BoundarySet } from "@/lib/seats/types";

export interface PetitionView {
  load: PetitionLoad;
  joined: JoinedPetition;
  scales: Record<Metric, ColourScale>;
  /** False for petitions without a constituency breakdown (rejected ones): the map is drawn but not coloured. */
  hasBreakdown: boolean;
}

export class UnknownBoundaryError extends Error {
  constructor(readonly codes: string[]) {
    super(`Constituency codes from neither boundary set: ${codes.slice(0, 5).join(", ")}`);
    this.name = "UnknownBoundaryError";
  }
}

let codesBySet: Record<BoundarySet, ReadonlySet<string>> | undefined;
function seatCodes() {
  const codesOf = (set: BoundarySet) => new Set(getSeats(set).map((seat) => seat.code));
  codesBySet ??= { "2010": codesOf("2010"), "2024": codesOf("2024") };
  return codesBySet;
}

/** A petition joined to its boundary set, with a colour scale per metric: everything a page, CSV or API shows. */
export async function loadPetitionView(id: number): Promise<PetitionView> {
  const load = await getPetition(id);
  let view = viewsByPetition.get(load.petition);
  if (!view) {
    view = momentumOf(load).then((momentum) => buildPetitionView(load, momentum));
    viewsByPetition.set(load.petition, view);
    view.catch(() => viewsByPetition.delete(load.petition));
  }
  const { joined, scales, hasBreakdown } = await view;
  return { load, joined, scales, hasBreakdown };
}

/**
 * The cache hands out the same Petition object until it fetches again, and the history only grows on a fetch, so
 * each fetch is joined and classed once however many pages, CSVs and API calls read it.
 */
const viewsByPetition = new WeakMap<Petition, Promise<PetitionView>>();

/** `momentum` (from the signature history) fills each row's momentum; without it the momentum metric is all 0. */
export function buildPetitionView(load: PetitionLoad, momentum: Momentum | null = null): PetitionView {
  const choice = chooseBoundarySet(load.petition, seatCodes());
  if (!choice.ok) throw new UnknownBoundaryError(choice.unknownCodes);
  const plain = joinPetition(load.petition, choice.set, getSeats(choice.set));
  const joined = { ...plain, rows: withMomentum(plain.rows, momentum) };
  const scales = Object.fromEntries(
    METRICS.map((metric) => [metric, buildScale(metric, joined.rows, joined.national)]),
  ) as Record<Metric, ColourScale>;
  return { load, joined, scales, hasBreakdown: load.petition.byConstituency.length > 0 };
}

export function geometryFor(set: BoundarySet) {
  return getGeoManifest(set);
}
