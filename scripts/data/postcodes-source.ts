/** Reads the raw postcode inputs: NSPL May 2025 centroids and the ONSPD Feb 2021 regex lookup (SOURCES.md §5). */
import { readdirSync, readFileSync } from "node:fs";
import { sharedData } from "./paths";

export interface NsplPostcode {
  /** Upper case, no spaces, e.g. "SW1A1AA". */
  postcode: string;
  /** Degrees, or null when the NSPL has no grid reference. */
  lat: number | null;
  lng: number | null;
}

/** Every NSPL postcode, ordered by sector (the postcode minus its last two letters) then unit. */
export function readNsplPostcodes(): NsplPostcode[] {
  const dir = sharedData("postcodes", "unit_postcode_latlong_nspl_may2025");
  const bySector = new Map<string, NsplPostcode[]>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".csv"))) {
    const lines = readFileSync(`${dir}/${file}`, "utf8").split(/\r?\n/);
    if (lines[0] !== "Postcode,lat,long") throw new Error(`${file}: unexpected header ${lines[0]}`);
    for (const line of lines.slice(1)) {
      if (line === "") continue;
      const [raw = "", lat = "", lng = ""] = line.split(",");
      const postcode = raw.replace(/ /g, "").toUpperCase();
      // Rows without a grid reference have an empty lat (and a long of 0).
      const located = lat !== "" && lng !== "";
      const sector = postcode.slice(0, -2);
      const rows = bySector.get(sector) ?? [];
      rows.push({ postcode, lat: located ? Number(lat) : null, lng: located ? Number(lng) : null });
      bySector.set(sector, rows);
    }
  }
  // Sorting sectors, not whole postcodes: plain order would put "AB111AA" (AB11 1) before "AB11AA" (AB1 1).
  return [...bySector.keys()]
    .sort()
    .flatMap((sector) => bySector.get(sector)!.sort((a, b) => (a.postcode < b.postcode ? -1 : 1)));
}

interface SeatPattern {
  code: string;
  pattern: RegExp;
}

/** The ONSPD Feb 2021 postcode → 2010-set seat lookup: one anchored regex per seat, in files per first letter. */
export class OnspdRegexLookup {
  private readonly byLetter = new Map<string, SeatPattern[]>();
  private lastMatch: SeatPattern | undefined;

  constructor() {
    const dir = sharedData("postcodes", "pcon_2010set_regex_onspd_feb2021");
    for (const file of readdirSync(dir).filter((name) => /^[A-Z]\.json$/.test(name))) {
      const patterns = JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as Record<string, string>;
      const entries = Object.keys(patterns)
        .sort()
        .map((code) => ({ code, pattern: new RegExp(patterns[code]!) }));
      this.byLetter.set(file[0]!, entries);
    }
  }

  /** The seat code whose regex matches the space-less postcode, or null. */
  match(postcode: string): string | null {
    // No postcode matches two regexes (SOURCES.md §5), and sorted postcodes come in runs of one seat,
    // so trying the previous answer first gives the same result about ten times faster.
    if (this.lastMatch?.pattern.test(postcode)) return this.lastMatch.code;
    for (const entry of this.byLetter.get(postcode[0] ?? "") ?? []) {
      if (entry.pattern.test(postcode)) {
        this.lastMatch = entry;
        return entry.code;
      }
    }
    return null;
  }
}
