/**
 * Writes the stand-in's fixtures (fixtures/<id>.json) in the petitions site's JSON shape from data/seats-*.json.
 * Deterministic: a seeded PRNG, fixed dates, prettier-formatted output. (The rejected fixture is read from ../shared
 * by the server, not copied.)
 * Run: npx tsx test/upstream/make-fixtures.ts [--out DIR]
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { format } from "prettier";
import { REGION_BY_PETITIONS_CODE } from "@/lib/petitions/regions";
import { seededRandom } from "@/lib/seeded-random";
import type { SeatMeta } from "@/lib/seats/types";
import { dataOut } from "@/scripts/data/paths";
import { FIXTURE_IDS, UNKNOWN_ONS_CODE } from "./fixtures";

const outFlag = process.argv.indexOf("--out");
// --out DIR lets the fixtures test regenerate elsewhere and compare with the committed files.
const fixturesDir =
  outFlag > 0 ? pathToFileURL(`${process.argv[outFlag + 1]}/`) : new URL("./fixtures/", import.meta.url);

/** Log-normal weights (Box–Muller) so counts vary between seats the way real petitions do. */
function spread(total: number, seats: number, random: () => number): number[] {
  const weights = Array.from({ length: seats }, () => {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.exp(0.6 * normal);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.round((total * w) / sum));
}

const letterByRegionGss = new Map(
  Object.entries(REGION_BY_PETITIONS_CODE).map(([letter, region]) => [
    region.gss,
    { letter, name: region.name },
  ]),
);

const readSeats = (set: "2010" | "2024") =>
  (JSON.parse(readFileSync(dataOut(`seats-${set}.json`), "utf8")) as SeatMeta[]).toSorted((a, b) =>
    a.code.localeCompare(b.code),
  );

interface Spec {
  id: number;
  seed: number;
  seats: SeatMeta[];
  /** Signatures attributed to constituencies (before zeroing and dropping). */
  total: number;
  state: "open" | "closed";
  action: string;
  background: string;
  additionalDetails: string;
  dates: { created: string; opened: string; closed: string | null };
  archived?: boolean;
  /** Share of seats set to zero, and of seats left out of the breakdown altogether. */
  zeroShare?: number;
  missingShare?: number;
  extraRows?: { name: string; ons_code: string; mp: string | null; signature_count: number }[];
  withResponseAndDebate?: boolean;
}

function petitionDocument(spec: Spec) {
  const random = seededRandom(spec.seed);
  const counts = spread(spec.total, spec.seats.length, random);
  const rows = spec.seats.flatMap((seat, i) => {
    const roll = random();
    if (roll < (spec.missingShare ?? 0)) return [];
    const count = roll < (spec.missingShare ?? 0) + (spec.zeroShare ?? 0) ? 0 : (counts[i] ?? 0);
    const mp = seat.mps.at(-1);
    const row = {
      name: seat.name,
      ons_code: seat.code,
      mp: mp ? `${mp.name} MP` : null,
      signature_count: count,
    };
    return [{ regionCode: seat.regionCode, row }];
  });
  const byRegion = new Map<string, { name: string; ons_code: string; signature_count: number }>();
  for (const { regionCode, row } of rows) {
    const region = letterByRegionGss.get(regionCode);
    if (!region) throw new Error(`No petitions-site letter for region ${regionCode}`);
    const entry = byRegion.get(region.letter) ?? {
      name: region.name,
      ons_code: region.letter,
      signature_count: 0,
    };
    entry.signature_count += row.signature_count;
    byRegion.set(region.letter, entry);
  }
  const constituencies = [...rows.map(({ row }) => row), ...(spec.extraRows ?? [])];
  const inConstituencies = constituencies.reduce((sum, row) => sum + row.signature_count, 0);
  const ukUnknown = Math.round(inConstituencies * 0.01);
  const abroad = [
    ["Ireland", "IE"],
    ["France", "FR"],
    ["Spain", "ES"],
    ["United States", "US"],
    ["Australia", "AU"],
  ].map(([name, code]) => ({ name, code, signature_count: Math.round(random() * inConstituencies * 0.002) }));
  const countries = [
    { name: "United Kingdom", code: "GB", signature_count: inConstituencies + ukUnknown },
    ...abroad,
  ];
  const total = countries.reduce((sum, c) => sum + c.signature_count, 0);
  const { created, opened, closed } = spec.dates;
  const path = `${spec.archived ? "archived/" : ""}petitions/${spec.id}`;
  return {
    links: { self: `https://petition.parliament.uk/${path}.json` },
    data: {
      type: spec.archived ? "archived-petition" : "petition",
      id: spec.id,
      ...(spec.archived && {
        parliament: {
          period: "2019-2024",
          government: "Conservative",
          dissolution_at: "2024-05-30T00:01:00.000Z",
          response_threshold: 10000,
          debate_threshold: 100000,
        },
      }),
      attributes: {
        action: spec.action,
        background: spec.background,
        additional_details: spec.additionalDetails,
        committee_note: null,
        state: spec.state,
        signature_count: total,
        created_at: created,
        updated_at: closed ?? opened,
        rejected_at: null,
        opened_at: opened,
        closed_at: closed,
        moderation_threshold_reached_at: created,
        response_threshold_reached_at: total >= 10000 ? opened : null,
        government_response_at: spec.withResponseAndDebate ? closed : null,
        debate_threshold_reached_at: total >= 100000 ? opened : null,
        scheduled_debate_date: null,
        debate_outcome_at: spec.withResponseAndDebate ? closed : null,
        creator_name: spec.state === "open" ? "A. Petitioner" : null,
        rejection: null,
        government_response: spec.withResponseAndDebate
          ? {
              responded_on: closed?.slice(0, 10) ?? null,
              summary: "The Government has no plans to change the law.",
              details: "A stand-in response for tests.",
              created_at: closed,
              updated_at: closed,
            }
          : null,
        debate: spec.withResponseAndDebate
          ? {
              debated_on: closed?.slice(0, 10) ?? null,
              transcript_url: "https://hansard.parliament.uk/",
              video_url: "https://parliamentlive.tv/",
              debate_pack_url: null,
              overview: "MPs debated this petition.",
            }
          : null,
        departments: [],
        topics: [],
        signatures_by_country: countries,
        signatures_by_constituency: constituencies,
        signatures_by_region: [...byRegion.values()].toSorted((a, b) => a.ons_code.localeCompare(b.ons_code)),
        other_parliamentary_business: [],
      },
    },
  };
}

async function write(id: number, doc: unknown) {
  const text = await format(JSON.stringify(doc), { parser: "json", printWidth: 110 });
  writeFileSync(new URL(`${id}.json`, fixturesDir), text);
}

async function main() {
  const seats2024 = readSeats("2024");
  const seats2010 = readSeats("2010");
  const open = { created: "2025-09-01T08:00:00.000Z", opened: "2025-09-10T12:00:00.000Z", closed: null };
  const common = { state: "open" as const, dates: open, additionalDetails: "Stand-in petition for tests." };
  mkdirSync(fixturesDir, { recursive: true });

  await write(
    FIXTURE_IDS.open2024,
    petitionDocument({
      ...common,
      id: FIXTURE_IDS.open2024,
      seed: 1,
      seats: seats2024,
      total: 152_000,
      action: "Fund more school crossing patrols",
      background: "Every school should have a crossing patrol.",
    }),
  );
  await write(
    FIXTURE_IDS.closed2024,
    petitionDocument({
      ...common,
      id: FIXTURE_IDS.closed2024,
      seed: 2,
      seats: seats2024,
      total: 118_000,
      state: "closed",
      dates: { ...open, closed: "2026-03-10T12:00:00.000Z" },
      withResponseAndDebate: true,
      action: "Protect hedgerows from cutting in nesting season",
      background: "Birds nest in hedgerows in spring.",
    }),
  );
  await write(
    FIXTURE_IDS.small,
    petitionDocument({
      ...common,
      id: FIXTURE_IDS.small,
      seed: 3,
      seats: seats2024,
      total: 10_000,
      zeroShare: 0.05,
      missingShare: 0.04,
      action: "Name a bridge after a local hero",
      background: "A small petition with sparse support.",
    }),
  );
  await write(
    FIXTURE_IDS.hostile,
    petitionDocument({
      ...common,
      id: FIXTURE_IDS.hostile,
      seed: 4,
      seats: seats2024,
      total: 20_000,
      action: "<script>alert(1)</script> Ban <b>bold</b> text",
      background: `<img src=x onerror=alert(1)> "quotes" & 'apostrophes' </textarea><svg onload=alert(1)>`,
      additionalDetails: '[click](javascript:alert(1)) <a href="javascript:alert(1)">link</a>',
    }),
  );
  await write(
    FIXTURE_IDS.unknownCode,
    petitionDocument({
      ...common,
      id: FIXTURE_IDS.unknownCode,
      seed: 5,
      seats: seats2024,
      total: 30_000,
      action: "Count signatures from a seat nobody has heard of",
      background: "One ons_code is in neither set.",
      extraRows: [{ name: "Atlantis", ons_code: UNKNOWN_ONS_CODE, mp: "Nobody MP", signature_count: 321 }],
    }),
  );
  await write(
    FIXTURE_IDS.archived2019,
    petitionDocument({
      ...common,
      id: FIXTURE_IDS.archived2019,
      seed: 6,
      seats: seats2010,
      total: 240_000,
      state: "closed",
      dates: {
        created: "2022-01-04T09:00:00.000Z",
        opened: "2022-01-11T10:00:00.000Z",
        closed: "2022-07-11T23:59:59.000Z",
      },
      archived: true,
      withResponseAndDebate: true,
      action: "Make the clocks stay on summer time",
      background: "An archived petition from the 2019–24 parliament.",
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
