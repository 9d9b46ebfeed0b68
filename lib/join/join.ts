import type { Petition } from "@/lib/petitions/types";
import { resolveMp } from "@/lib/seats/mp";
import type { BoundarySet, MpRecord, SeatMeta } from "@/lib/seats/types";
import { competitionRanks } from "./rank";
import { perThousandElectors, sharePercent } from "./rates";
import type { JoinedPetition, NationalFigures, SeatMp, SeatRow } from "./types";

const UNITED_KINGDOM = "GB";

/** Joins a petition's per-seat counts to a boundary set's seats by ONS code; a seat the petition omits has 0. */
export function joinPetition(
  petition: Petition,
  set: BoundarySet,
  seats: readonly SeatMeta[],
): JoinedPetition {
  const countByCode = new Map(petition.byConstituency.map((row) => [row.code, row]));
  const inSeats = seats.reduce((sum, seat) => sum + (countByCode.get(seat.code)?.count ?? 0), 0);
  const uk = petition.byCountry.find((row) => row.code === UNITED_KINGDOM)?.count ?? inSeats;
  const electorate = seats.reduce((sum, seat) => sum + seat.electorate, 0);
  const counts = seats.map((seat) => countByCode.get(seat.code)?.count ?? 0);
  const ranks = competitionRanks(counts);

  const rows = seats.map((seat, index): SeatRow => {
    const count = counts[index] ?? 0;
    return {
      code: seat.code,
      name: seat.name,
      nation: seat.nation,
      region: seat.region,
      regionCode: seat.regionCode,
      mp: seatMp(seat, countByCode.get(seat.code)?.mp ?? null),
      count,
      share: sharePercent(count, uk),
      perThousand: perThousandElectors(count, seat.electorate),
      electorate: seat.electorate,
      rank: ranks[index] ?? seats.length,
    };
  });

  const national = nationalFigures({ total: petition.signatureCount, uk, inSeats, electorate });
  return { set, rows, national };
}

/** The UK-wide figures from the four counts they derive from; shared by the join and history frames. */
export function nationalFigures(
  counts: Pick<NationalFigures, "total" | "uk" | "inSeats" | "electorate">,
): NationalFigures {
  const { total, uk, inSeats, electorate } = counts;
  return {
    total,
    uk,
    overseas: Math.max(0, total - uk),
    unknownConstituency: Math.max(0, uk - inSeats),
    inSeats,
    electorate,
    ukPerThousand: perThousandElectors(inSeats, electorate),
  };
}

/** The petition names the MP; we add the party only when the metadata knows that same person. */
function seatMp(seat: SeatMeta, petitionMpName: string | null): SeatMp | null {
  const resolved = resolveMp(seat, petitionMpName);
  const latest = resolved.records.at(-1);
  if (!latest) {
    if (!resolved.displayName) return null;
    return { name: petitionMpName ?? resolved.displayName, ...noParty };
  }
  return {
    name: petitionMpName ?? latest.name,
    party: latest.party,
    partyName: latest.partyName,
    colour: latest.colour,
    note: partyChangeNote(resolved.records),
    memberId: latest.memberId,
    twfyId: latest.twfyId,
  };
}

const noParty = { party: null, partyName: null, colour: null, note: null, memberId: null, twfyId: null };

function partyChangeNote(records: readonly MpRecord[]): string | null {
  const parties = new Set(records.map((record) => record.party));
  if (parties.size < 2) return null;
  return records.map((record) => `${record.partyName} (${describeRole(record)})`).join("; then ");
}

function describeRole(record: MpRecord): string {
  const year = record.asOf.slice(0, 4);
  switch (record.role) {
    case "elected-2019":
    case "elected-2024":
      return `elected ${year}`;
    case "at-dissolution-2024":
      return "at dissolution, May 2024";
    case "current":
      return `as of ${record.asOf}`;
  }
}
