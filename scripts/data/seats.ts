import { readFileSync } from "node:fs";
import { personNameTokens } from "@/lib/seats/mp";
import type { BoundarySet, MpRecord, Nation, SeatMeta } from "@/lib/seats/types";
import { field, readCsv } from "./csv";
import { BOUNDARY_SOURCES } from "./geometry";
import { writeJson } from "./output";
import { PartyTable, partiesUsed } from "./parties";
import { dataOut, sharedData } from "./paths";

type Row = Record<string, string>;

const NATIONS: Record<string, { nation: Nation; code: string }> = {
  E: { nation: "England", code: "E92000001" },
  W: { nation: "Wales", code: "W92000004" },
  S: { nation: "Scotland", code: "S92000003" },
  N: { nation: "Northern Ireland", code: "N92000002" },
};

export function nationOf(code: string): Nation {
  const nation = NATIONS[code.charAt(0)];
  if (!nation) throw new Error(`No nation for code ${code}`);
  return nation.nation;
}

/** "72,580" → 72580; anything that is not a positive whole number fails. */
export function parseCount(text: string): number {
  const value = Number(text.replace(/,/g, "").trim());
  if (!Number.isInteger(value) || value <= 0) throw new Error(`Not a positive count: "${text}"`);
  return value;
}

function byCode(rows: Row[], column: string): Map<string, Row> {
  const map = new Map(rows.map((row) => [field(row, column), row]));
  if (map.size !== rows.length) throw new Error(`Duplicate ${column} values`);
  return map;
}

function need<T>(map: Map<string, T>, code: string, what: string): T {
  const value = map.get(code);
  if (value === undefined) throw new Error(`${code} is missing from ${what}`);
  return value;
}

export interface SeatInputs {
  names: Map<string, string>;
  currentMps: Row[];
}

/** Member ids of the current MPs by name: the same name (honorifics aside) is taken as the same person. */
function memberIdsByName(currentMps: Row[]): Map<string, Pick<MpRecord, "memberId" | "twfyId">> {
  const ids = new Map<string, Pick<MpRecord, "memberId" | "twfyId">>();
  for (const row of currentMps) {
    const key = personNameTokens(field(row, "MP")).join(" ");
    if (ids.has(key)) throw new Error(`Two current MPs are called ${key}`);
    ids.set(key, { memberId: parseCount(field(row, "ID")), twfyId: parseCount(field(row, "TheyWorkForYou ID")) });
  }
  return ids;
}

function makeRecordBuilder(currentMps: Row[], parties: PartyTable) {
  const ids = memberIdsByName(currentMps);
  return (name: string, role: MpRecord["role"], asOf: string, sourceParty: string): MpRecord => {
    const known = ids.get(personNameTokens(name).join(" "));
    return {
      name: name.trim(),
      role,
      asOf,
      ...parties.recordFields(sourceParty),
      memberId: known?.memberId ?? null,
      twfyId: known?.twfyId ?? null,
    };
  };
}

/** The 2010 set: ONS names, GE2019 regions, Dec 2022 electorate, MPs elected 2019 and at dissolution 2024. */
export function buildSeats2010(names: Map<string, string>, currentMps: Row[], parties: PartyTable): SeatMeta[] {
  const results = byCode(readCsv(sharedData("mps_results/HoC-GE2019-results-by-constituency.csv")), "ONS ID");
  const regions = byCode(readCsv(sharedData("electorate_population_region/pcon_2010set_region.csv")), "PCON10CD");
  const electorates = byCode(
    readCsv(sharedData("electorate_population_region/pcon_2010set_electorate_ons_2015-2022.csv")),
    "Code",
  );
  const elections = byCode(
    readCsv(sharedData("mps_results/pcon_2010set_general_elections_2010-2019_and_mp_at_dissolution.csv")),
    "const_id",
  );
  const record = makeRecordBuilder(currentMps, parties);
  return [...names].map(([code, name]): SeatMeta => {
    const result = need(results, code, "GE2019 results");
    const region = field(result, "Region name");
    const listed = field(need(regions, code, "the region list"), "Region");
    if (listed.toLowerCase() !== region.toLowerCase()) throw new Error(`${code}: region ${listed} vs ${region}`);
    const election = need(elections, code, "the elections file");
    return {
      code,
      name,
      nation: nationOf(code),
      region,
      regionCode: field(result, "ONS region ID"),
      electorate: parseCount(field(need(electorates, code, "the electorate file"), ELECTORATE_2022)),
      electorateSource: ELECTORATE_2022,
      mps: [
        record(field(election, "GE 2019 MP"), "elected-2019", "2019-12-12", field(election, "GE 2019")),
        record(field(election, "Current MP"), "at-dissolution-2024", "2024-05-08", field(election, "Current")),
      ],
    };
  });
}

const ELECTORATE_2022 = "Electoral registrations December 2022";
const ELECTORATE_2024 = "Electorate at the July 2024 general election";
const CURRENT_AS_OF = "2026-04-03";

/** The 2024 set: ONS names, GE2024 regions and electorate, MPs elected 2024 and current (April 2026). */
export function buildSeats2024(names: Map<string, string>, currentMps: Row[], parties: PartyTable): SeatMeta[] {
  const results = byCode(readCsv(sharedData("mps_results/HoC-GE2024-results-by-constituency.csv")), "ONS ID");
  const current = byCode(currentMps, "PCON24CD");
  const record = makeRecordBuilder(currentMps, parties);
  return [...names].map(([code, name]): SeatMeta => {
    const result = need(results, code, "GE2024 results");
    const mp = need(current, code, "the current MPs");
    const elected = `${field(result, "Member first name")} ${field(result, "Member surname")}`;
    return {
      code,
      name,
      nation: nationOf(code),
      region: field(result, "Region name"),
      regionCode: field(result, "ONS region ID"),
      electorate: parseCount(field(result, "Electorate")),
      electorateSource: ELECTORATE_2024,
      mps: [
        record(elected, "elected-2024", "2024-07-04", field(result, "First party")),
        {
          name: field(mp, "MP"),
          role: "current",
          asOf: CURRENT_AS_OF,
          ...parties.recordFields(field(mp, "Party")),
          memberId: parseCount(field(mp, "ID")),
          twfyId: parseCount(field(mp, "TheyWorkForYou ID")),
        },
      ],
    };
  });
}

/** ONS code → ONS name of a set's boundary file, sorted by code. */
export function boundaryNames(set: BoundarySet): Map<string, string> {
  const { file, codeField, nameField } = BOUNDARY_SOURCES[set];
  const collection = JSON.parse(readFileSync(sharedData(file), "utf8")) as { features: { properties: Row }[] };
  const pairs = collection.features.map(({ properties }) => [properties[codeField]!, properties[nameField]!]);
  return new Map(pairs.sort(([a], [b]) => (a! < b! ? -1 : 1)) as [string, string][]);
}

export function readCurrentMps(): Row[] {
  return readCsv(sharedData("mps_results/pcon_2024set_current_mps.csv"));
}

export function partyTable(currentMps: Row[]): PartyTable {
  const parties = new PartyTable();
  for (const row of currentMps) {
    parties.addSourceRow(field(row, "Party"), field(row, "Party name"), field(row, "Party bg"));
  }
  return parties;
}

export async function buildSeats(): Promise<void> {
  const currentMps = readCurrentMps();
  const parties = partyTable(currentMps);
  const seatsBySet = {
    "2010": buildSeats2010(boundaryNames("2010"), currentMps, parties),
    "2024": buildSeats2024(boundaryNames("2024"), currentMps, parties),
  };
  for (const [set, seats] of Object.entries(seatsBySet)) writeJson(dataOut(`seats-${set}.json`), seats);
  const records = Object.values(seatsBySet).flatMap((seats) => seats.flatMap((seat) => seat.mps));
  writeJson(dataOut("parties.json"), partiesUsed(records));
}
