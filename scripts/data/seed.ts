import { readFileSync } from "node:fs";
import path from "node:path";
import { publicPetitionUrl } from "@/lib/petitions/site";
import { seatNameIndex, nameKey } from "@/lib/seats/names";
import { countryCode } from "./countries";
import { londonToUtcIso } from "./london-time";
import { writeJson } from "./output";
import { dataOut, sharedDir } from "./paths";
import { parseSeedMarkdown, type SeedSnapshot } from "./seed-markdown";
import { boundaryNames } from "./seats";

export const SEED_PETITION_ID = 575833;
export const seedFile = () => path.join(sharedDir, "seed", "000_4b7078e7d9f86b1b.txt");

/** The petitions site's row for signatures it could not place in a constituency: not a seat. */
const UNKNOWN_SEAT = "Unknown";
const UNITED_KINGDOM = "United Kingdom";

/** The seed's seat rows joined to 2010-set codes; fails on any name that does not join exactly once. */
export function joinSeedSeats(snapshot: SeedSnapshot, seats: Map<string, string>) {
  const index = seatNameIndex([...seats].map(([code, name]) => ({ code, name })));
  const rows = snapshot.constituencies
    .filter((row) => row.name !== UNKNOWN_SEAT)
    .map((row) => {
      const code = index.get(nameKey(row.name));
      if (!code) throw new Error(`Seed constituency "${row.name}" matches no 2010-set seat`);
      return { name: row.name, ons_code: code, mp: row.mp, signature_count: row.count };
    })
    .sort((a, b) => (a.ons_code < b.ons_code ? -1 : 1));
  if (new Set(rows.map((row) => row.ons_code)).size !== seats.size || rows.length !== seats.size) {
    throw new Error(`Seed joins ${rows.length} rows to ${seats.size} seats`);
  }
  return rows;
}

/** Checks the seed's arithmetic: the unknown row is exactly the UK signatures no seat holds. */
export function checkSeedTotals(snapshot: SeedSnapshot, inSeats: number): void {
  const uk = snapshot.countries.find((row) => row.name === UNITED_KINGDOM)?.count;
  const unknown = snapshot.constituencies.filter((row) => row.name === UNKNOWN_SEAT);
  if (uk === undefined || unknown.length !== 1) throw new Error("Seed lacks the UK or the unknown-seat row");
  if (uk - inSeats !== unknown[0]!.count) {
    throw new Error(`UK ${uk} − seats ${inSeats} ≠ unknown ${unknown[0]!.count}`);
  }
  const countries = snapshot.countries.reduce((sum, row) => sum + row.count, 0);
  if (countries !== snapshot.signatureCount) {
    throw new Error(`Countries sum to ${countries}, total is ${snapshot.signatureCount}`);
  }
}

/** The seed snapshot in the shape of https://petition.parliament.uk/petitions/<id>.json (see data/SOURCES.md). */
export function seedToSitePetition(snapshot: SeedSnapshot, seats: Map<string, string>) {
  const at = (event: string): string => {
    const when = snapshot.history.get(event);
    if (!when) throw new Error(`Seed history has no "${event}"`);
    return londonToUtcIso(...when);
  };
  const constituencies = joinSeedSeats(snapshot, seats);
  checkSeedTotals(
    snapshot,
    constituencies.reduce((sum, row) => sum + row.signature_count, 0),
  );
  const [summary, ...details] = snapshot.responseParagraphs;
  if (!summary) throw new Error("Seed has no government response");
  const countries = snapshot.countries
    .map((row) => ({ name: row.name, code: countryCode(row.name), signature_count: row.count }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    links: { self: `${publicPetitionUrl(SEED_PETITION_ID)}.json` },
    data: {
      type: "petition",
      id: SEED_PETITION_ID,
      attributes: {
        action: snapshot.action,
        background: snapshot.background,
        additional_details: null,
        committee_note: null,
        // Petitions run six months: opened March 2021, it has long closed, but the snapshot gives no closing time.
        state: "closed",
        signature_count: snapshot.signatureCount,
        created_at: at("Created"),
        updated_at: at("Updated"),
        opened_at: at("Opened"),
        closed_at: null,
        rejected_at: null,
        moderation_threshold_reached_at: at("Moderation Threshold Reached"),
        response_threshold_reached_at: at("Response Threshold Reached"),
        government_response_at: at("Government Response"),
        debate_threshold_reached_at: at("Debate Threshold Reached"),
        debate_scheduled_on: null,
        scheduled_debate_date: null,
        debate_outcome_at: null,
        creator_name: null,
        rejection: null,
        government_response: {
          summary,
          details: details.join("\n\n"),
          responded_on: snapshot.history.get("Government Response")?.[0] ?? null,
        },
        debate: null,
        departments: [],
        topics: [],
        signatures_by_country: countries,
        signatures_by_constituency: constituencies,
      },
    },
  };
}

export async function buildSeedPetition(): Promise<void> {
  const snapshot = parseSeedMarkdown(readFileSync(seedFile(), "utf8"));
  const petition = seedToSitePetition(snapshot, boundaryNames("2010"));
  writeJson(dataOut("petitions", `${SEED_PETITION_ID}.json`), petition);
}
