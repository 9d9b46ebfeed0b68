/**
 * The stand-in's petitions-index corpus: 240 petitions in the petitions site's JSON shape, made deterministically
 * (lib/seeded-random) from the committed fixtures' shape and the seat metadata. 120 sit in the archives of three
 * earlier parliaments on the 2010 seats, 120 in the current list on the 2024 seats; every tenth is rejected (no
 * breakdowns) and a quarter of the current ones are open. Each leans towards one region, so seats differ.
 */
import { readFileSync } from "node:fs";
import seats2010 from "@/data/seats-2010.json";
import seats2024 from "@/data/seats-2024.json";
import { REGION_BY_PETITIONS_CODE } from "@/lib/petitions/regions";
import { seededRandom } from "@/lib/seeded-random";
import type { SeatMeta } from "@/lib/seats/types";
import type { PetitionDoc } from "./faults";
import { FIXTURE_IDS } from "./fixtures";

export const CORPUS = {
  /** Archived ids ARCHIVED_FIRST… (40 per parliament), current ids CURRENT_FIRST… */
  archivedFirst: 810001,
  currentFirst: 820001,
  perParliament: 40,
  parliaments: ["2015-2017", "2017-2019", "2019-2024"],
  current: 120,
} as const;

export const CORPUS_SIZE = CORPUS.perParliament * CORPUS.parliaments.length + CORPUS.current;

/** Topic codes and the department each files under, as the site lists them. */
const TOPICS = [
  ["health", "DHSC", "Department of Health and Social Care"],
  ["environment", "DEFRA", "Department for Environment, Food and Rural Affairs"],
  ["education", "DFE", "Department for Education"],
  ["transport", "DFT", "Department for Transport"],
  ["economy", "HMT", "HM Treasury"],
  ["animals", "DEFRA", "Department for Environment, Food and Rural Affairs"],
] as const;
const SUBJECTS = [
  "hospital parking",
  "river cleanup",
  "school meals",
  "rural buses",
  "energy bills",
  "dog licences",
];

const template = (id: number) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${id}.json`, import.meta.url), "utf8")) as PetitionDoc & {
    data: { parliament?: Record<string, unknown> };
  };

const letterByRegion = new Map(
  Object.entries(REGION_BY_PETITIONS_CODE).map(([letter, region]) => [
    region.gss,
    { letter, name: region.name },
  ]),
);

interface Spec {
  id: number;
  seats: readonly SeatMeta[];
  archived: boolean;
  parliament: string | null;
  state: "open" | "closed" | "rejected";
  index: number;
}

function counts(spec: Spec, random: () => number): number[] {
  const total = Math.round(Math.exp(5 + random() * 7.5)); // ~150 to ~270,000 signatures
  const home = spec.seats[Math.floor(random() * spec.seats.length)]!.regionCode;
  const weights = spec.seats.map((seat) => {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.exp(0.7 * normal) * (seat.regionCode === home ? 3 : 1);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.round((total * weight) / sum));
}

function document(spec: Spec): PetitionDoc {
  const random = seededRandom(spec.id);
  const doc = template(spec.archived ? FIXTURE_IDS.archived2019 : FIXTURE_IDS.small);
  const a = doc.data.attributes;
  const [topic, acronym, department] = TOPICS[spec.index % TOPICS.length]!;
  const year = spec.archived ? 2015 + Math.floor((spec.index / CORPUS.perParliament) * 3) : 2024;
  const month = String(1 + (spec.index % 12)).padStart(2, "0");
  const opened = `${year}-${month}-1${spec.index % 9}T10:00:00.000Z`;
  const closed = spec.state === "closed" ? `${year + 1}-${month}-1${spec.index % 9}T10:00:00.000Z` : null;
  doc.data.id = spec.id;
  doc.links = {
    self: `https://petition.parliament.uk/${spec.archived ? "archived/" : ""}petitions/${spec.id}.json`,
  };
  if (doc.data.parliament && spec.parliament) doc.data.parliament.period = spec.parliament;
  a.action = `${spec.archived ? "Archived" : "Current"} corpus petition ${spec.index + 1}: ${SUBJECTS[spec.index % SUBJECTS.length]}`;
  a.background = `A generated petition about ${topic}.`;
  a.state = spec.state;
  a.opened_at = spec.state === "rejected" ? null : opened;
  a.closed_at = closed;
  a.rejected_at = spec.state === "rejected" ? opened : null;
  a.updated_at = closed ?? opened;
  a.government_response = null;
  a.debate = null;
  a.departments = [
    { acronym, name: department, url: `https://www.gov.uk/government/organisations/${acronym}` },
  ];
  // The site lists topics for current petitions only.
  a.topics = spec.archived
    ? []
    : [topic, ...(spec.index % 5 === 0 ? [TOPICS[(spec.index + 1) % 6]![0]] : [])];
  if (spec.state === "rejected") {
    delete a.signatures_by_country;
    delete a.signatures_by_constituency;
    delete a.signatures_by_region;
    a.rejection = { code: "duplicate", details: "There's already a petition about this issue." };
    a.signature_count = 0;
    return doc;
  }
  const perSeat = counts(spec, random);
  a.signatures_by_constituency = spec.seats.map((seat, i) => ({
    name: seat.name,
    ons_code: seat.code,
    mp: seat.mps.at(-1) ? `${seat.mps.at(-1)!.name} MP` : null,
    signature_count: perSeat[i] ?? 0,
  }));
  const regions = new Map<string, { name: string; ons_code: string; signature_count: number }>();
  spec.seats.forEach((seat, i) => {
    const region = letterByRegion.get(seat.regionCode)!;
    const entry = regions.get(region.letter) ?? {
      name: region.name,
      ons_code: region.letter,
      signature_count: 0,
    };
    entry.signature_count += perSeat[i] ?? 0;
    regions.set(region.letter, entry);
  });
  a.signatures_by_region = [...regions.values()].toSorted((x, y) => x.ons_code.localeCompare(y.ons_code));
  const inSeats = perSeat.reduce((x, y) => x + y, 0);
  const abroad = Math.round(inSeats * 0.01);
  a.signatures_by_country = [
    { name: "United Kingdom", code: "GB", signature_count: inSeats + abroad },
    { name: "France", code: "FR", signature_count: abroad },
  ];
  a.signature_count = inSeats + 2 * abroad;
  return doc;
}

const stateOf = (index: number, archived: boolean) =>
  index % 10 === 3 ? "rejected" : !archived && index % 4 === 0 ? "open" : "closed";

/** Each earlier parliament's archive on the 2010 seats, then the current list on the 2024 seats. */
const GROUPS = [
  ...CORPUS.parliaments.map((period, p) => ({
    firstId: CORPUS.archivedFirst + p * CORPUS.perParliament,
    firstIndex: p * CORPUS.perParliament,
    count: CORPUS.perParliament,
    seats: seats2010 as SeatMeta[],
    archived: true,
    parliament: period as string | null,
  })),
  {
    firstId: CORPUS.currentFirst,
    firstIndex: 0,
    count: CORPUS.current,
    seats: seats2024 as SeatMeta[],
    archived: false,
    parliament: null,
  },
];

/** The whole corpus, archived petitions first; a fresh copy on every call. */
export function corpusDocuments(): PetitionDoc[] {
  return GROUPS.flatMap(({ firstId, firstIndex, count, seats, archived, parliament }) =>
    Array.from({ length: count }, (_, n) =>
      document({
        id: firstId + n,
        seats,
        archived,
        parliament,
        state: stateOf(firstIndex + n, archived),
        index: firstIndex + n,
      }),
    ),
  );
}

/** Which earlier parliament (1-based) an archived corpus petition belongs to. */
export function corpusParliamentOf(id: number): number {
  return Math.floor((id - CORPUS.archivedFirst) / CORPUS.perParliament) + 1;
}
