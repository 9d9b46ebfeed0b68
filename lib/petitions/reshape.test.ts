import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedData } from "@/scripts/data/paths";
import { PetitionError } from "./errors";
import { REGION_BY_PETITIONS_CODE } from "./regions";
import { reshapePetition, reshapePetitionList } from "./reshape";

const rejectedText = readFileSync(
  sharedData("petitions", "petition_751154_2025_rejected_no_breakdown.json"),
  "utf8",
);
const rejectedJson = () =>
  JSON.parse(rejectedText) as { data: { id: number; attributes: Record<string, unknown> } };

/** A valid document with breakdowns, built from the real rejected one plus one row of each breakdown. */
function withBreakdowns() {
  const doc = rejectedJson();
  Object.assign(doc.data.attributes, {
    state: "open",
    rejection: null,
    signatures_by_country: [{ name: "United Kingdom", code: "GB", signature_count: 7 }],
    signatures_by_constituency: [
      { name: "Ynys Môn", ons_code: "W07000112", mp: "Llinos Medi MP", signature_count: 7 },
    ],
    signatures_by_region: [{ name: "Wales", ons_code: "L", signature_count: 7 }],
  });
  return doc;
}

describe("reshapePetition on the real rejected petition", () => {
  const raw = rejectedJson();
  const petition = reshapePetition(raw);

  it("keeps its identity, texts and counts", () => {
    expect(petition.id).toBe(raw.data.id);
    expect(petition.action).toBe(raw.data.attributes.action);
    expect(petition.background).toBe(raw.data.attributes.background);
    expect(petition.additionalDetails).toBe(raw.data.attributes.additional_details);
    expect(petition.state).toBe("rejected");
    expect(petition.signatureCount).toBe(raw.data.attributes.signature_count);
    expect(petition.rejectedAt).toBe(raw.data.attributes.rejected_at);
    expect(petition.moderationThresholdReachedAt).toBe(raw.data.attributes.moderation_threshold_reached_at);
  });

  it("has a rejection and no breakdowns", () => {
    const rejection = raw.data.attributes.rejection as { code: string; details: string };
    expect(petition.rejection).toEqual({ code: rejection.code, details: rejection.details });
    expect(petition.byCountry).toEqual([]);
    expect(petition.byConstituency).toEqual([]);
    expect(petition.byRegion).toBeNull();
    expect(petition.governmentResponse).toBeNull();
    expect(petition.debate).toBeNull();
  });

  it("is current, not archived, and links to its public page", () => {
    expect(petition.archived).toBe(false);
    expect(petition.parliament).toBeNull();
    expect(petition.url).toBe(`https://petition.parliament.uk/petitions/${raw.data.id}`);
  });

  it("treats a document from an /archived/ URL as archived", () => {
    const archived = reshapePetition(rejectedJson(), { archived: true });
    expect(archived.archived).toBe(true);
    expect(archived.url).toBe(`https://petition.parliament.uk/archived/petitions/${raw.data.id}`);
  });
});

describe("reshapePetition breakdowns", () => {
  it("maps region letters to GSS codes and keeps constituency MPs", () => {
    const petition = reshapePetition(withBreakdowns());
    expect(petition.byRegion).toEqual([{ name: "Wales", code: "W92000004", count: 7 }]);
    expect(petition.byConstituency).toEqual([
      { name: "Ynys Môn", code: "W07000112", mp: "Llinos Medi MP", count: 7 },
    ]);
    expect(petition.byCountry).toEqual([{ name: "United Kingdom", code: "GB", count: 7 }]);
  });

  it("reads archived petitions' type and parliament", () => {
    const doc = withBreakdowns();
    Object.assign(doc.data, {
      type: "archived-petition",
      parliament: {
        period: "2019-2024",
        government: "Conservative",
        dissolution_at: "2024-05-30T00:01:00.000Z",
      },
    });
    const petition = reshapePetition(doc);
    expect(petition.archived).toBe(true);
    expect(petition.parliament).toEqual({ period: "2019-2024", dissolutionAt: "2024-05-30T00:01:00.000Z" });
  });

  it("ignores fields it does not know", () => {
    const doc = withBreakdowns();
    doc.data.attributes.surprise = { nested: true };
    expect(() => reshapePetition(doc)).not.toThrow();
  });
});

type Doc = ReturnType<typeof withBreakdowns>;
const data = (doc: Doc) => doc.data as unknown as Record<string, unknown>;
const attrs = (doc: Doc) => doc.data.attributes;
const firstRow = (doc: Doc, breakdown: string) => (attrs(doc)[breakdown] as Record<string, unknown>[])[0]!;

function expectMalformed(doc: unknown) {
  expect(() => reshapePetition(doc)).toThrow(expect.objectContaining({ kind: "malformed", status: 502 }));
}

describe("reshapePetition debate links", () => {
  const withDebate = (debate: Record<string, unknown>) => {
    const doc = withBreakdowns();
    Object.assign(doc.data.attributes, { debate: { debated_on: "2024-01-15", overview: null, ...debate } });
    return reshapePetition(doc).debate;
  };

  it("keeps https links to Parliament's sites", () => {
    expect(
      withDebate({
        transcript_url: "https://hansard.parliament.uk/commons/2024-01-15/debates/1/Petition",
        video_url: "https://parliamentlive.tv/event/index/1",
      }),
    ).toMatchObject({
      transcriptUrl: "https://hansard.parliament.uk/commons/2024-01-15/debates/1/Petition",
      videoUrl: "https://parliamentlive.tv/event/index/1",
    });
  });

  it("drops any other link, so it never becomes an href", () => {
    expect(
      withDebate({
        transcript_url: "javascript:alert(1)",
        video_url: "https://evil.example/parliamentlive.tv",
      }),
    ).toMatchObject({ transcriptUrl: null, videoUrl: null });
  });
});

describe("reshapePetition rejects malformed documents", () => {
  it.each<[string, unknown]>([
    ["a string", "petition"],
    ["null", null],
    ["no data", { links: {} }],
  ])("%s", (_name, doc) => expectMalformed(doc));

  it.each<[string, (doc: Doc) => void]>([
    ["no type", (doc) => delete data(doc).type],
    ["unknown type", (doc) => (data(doc).type = "user")],
    ["id as a string", (doc) => (data(doc).id = "751154")],
    ["negative id", (doc) => (data(doc).id = -1)],
    ["no attributes", (doc) => delete data(doc).attributes],
    ["no action", (doc) => delete attrs(doc).action],
    ["no background", (doc) => delete attrs(doc).background],
    ["unknown state", (doc) => (attrs(doc).state = "exploded")],
    ["no signature_count", (doc) => delete attrs(doc).signature_count],
    ["negative signature_count", (doc) => (attrs(doc).signature_count = -1)],
    ["fractional signature_count", (doc) => (attrs(doc).signature_count = 1.5)],
    ["signature_count as text", (doc) => (attrs(doc).signature_count = "7")],
    ["constituency without ons_code", (doc) => delete firstRow(doc, "signatures_by_constituency").ons_code],
    [
      "constituency without count",
      (doc) => delete firstRow(doc, "signatures_by_constituency").signature_count,
    ],
    ["breakdown not an array", (doc) => (attrs(doc).signatures_by_constituency = {})],
    ["region with a GSS code", (doc) => (firstRow(doc, "signatures_by_region").ons_code = "E12000001")],
    ["response without summary", (doc) => (attrs(doc).government_response = { details: "x" })],
    ["rejection without code", (doc) => (attrs(doc).rejection = { details: "x" })],
    ["date as a number", (doc) => (attrs(doc).opened_at = 1614942339)],
  ])("%s", (_name, mutate) => {
    const doc = withBreakdowns();
    mutate(doc);
    expectMalformed(doc);
  });
});

describe("region table", () => {
  it("matches the compiled CSV of the petitions site's region letters", () => {
    const [header, ...rows] = readFileSync(sharedData("petitions", "petitions_site_region_codes.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(","));
    const letter = header!.indexOf("petitions_region_ons_code");
    const name = header!.indexOf("name");
    const gss = header!.indexOf("gss_code");
    const fromCsv = Object.fromEntries(rows.map((row) => [row[letter], { name: row[name], gss: row[gss] }]));
    expect(REGION_BY_PETITIONS_CODE).toEqual(fromCsv);
  });
});

describe("reshapePetitionList", () => {
  const summary = (id: number) => ({ type: "petition", id, attributes: rejectedJson().data.attributes });

  it("reads items and the next page from links.next", () => {
    const list = reshapePetitionList(
      {
        links: { next: "https://petition.parliament.uk/petitions.json?page=3&state=open" },
        data: [summary(751154)],
      },
      2,
    );
    expect(list.page).toBe(2);
    expect(list.nextPage).toBe(3);
    expect(list.items).toEqual([
      expect.objectContaining({ id: 751154, state: "rejected", archived: false, signatureCount: 7 }),
    ]);
  });

  it("has no next page on the last page", () => {
    expect(reshapePetitionList({ links: { next: null }, data: [] }, 4)).toEqual({
      page: 4,
      nextPage: null,
      items: [],
    });
  });

  it("rejects a list without data", () => {
    expect(() => reshapePetitionList({ links: { next: null } }, 1)).toThrow(PetitionError);
  });
});
