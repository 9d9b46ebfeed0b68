import type { MpRecord } from "@/lib/seats/types";

/** Our short party codes: the sources' codes, with their synonyms folded (APNI = Alliance, Ref = RUK). */
const CODE_SYNONYMS: Record<string, string> = { APNI: "Alliance", Ref: "RUK" };

/**
 * Parties that no source gives a name or colour for (they sat only before 2024). Colours are a design choice:
 * each party's usual brand colour, darkened where needed to stay distinct from the others.
 */
export const FALLBACK_PARTIES: Record<string, PartyInfo> = {
  Alba: { name: "Alba Party", colour: "#005eb8" },
  WPB: { name: "Workers Party of Britain", colour: "#8b0000" },
};

export interface PartyInfo {
  name: string;
  colour: string;
}

export function partyCode(sourceCode: string): string {
  const code = sourceCode.trim();
  if (code === "") throw new Error("Empty party code");
  return CODE_SYNONYMS[code] ?? code;
}

/** Builds the party table from the current-MP rows (name and colour), most common name per code first. */
export class PartyTable {
  private readonly names = new Map<string, Map<string, number>>();
  private readonly colours = new Map<string, string>();

  addSourceRow(sourceCode: string, name: string, colour: string): void {
    const code = partyCode(sourceCode);
    const counts = this.names.get(code) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    this.names.set(code, counts);
    const normalised = normaliseColour(colour);
    const known = this.colours.get(code);
    if (known !== undefined && known !== normalised) {
      throw new Error(`Party ${code} has two colours: ${known}, ${normalised}`);
    }
    this.colours.set(code, normalised);
  }

  info(sourceCode: string): PartyInfo {
    const code = partyCode(sourceCode);
    const counts = this.names.get(code);
    const colour = this.colours.get(code);
    if (counts && colour) {
      const [name] = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]!;
      return { name, colour };
    }
    const fallback = FALLBACK_PARTIES[code];
    if (!fallback) throw new Error(`No name or colour for party "${code}"`);
    return fallback;
  }

  /** The party fields of an MpRecord for a source party code. */
  recordFields(sourceCode: string): Pick<MpRecord, "party" | "partyName" | "colour"> {
    const { name, colour } = this.info(sourceCode);
    return { party: partyCode(sourceCode), partyName: name, colour };
  }
}

export function normaliseColour(colour: string): string {
  const hex = colour.trim().toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(hex)) throw new Error(`Not a #rrggbb colour: "${colour}"`);
  return hex;
}

/** `{code: {name, colour}}` for every party some record uses, sorted by code. */
export function partiesUsed(records: Iterable<Pick<MpRecord, "party" | "partyName" | "colour">>) {
  const parties: Record<string, PartyInfo> = {};
  const codes = new Map<string, PartyInfo>();
  for (const record of records) codes.set(record.party, { name: record.partyName, colour: record.colour });
  for (const code of [...codes.keys()].sort()) parties[code] = codes.get(code)!;
  return parties;
}
