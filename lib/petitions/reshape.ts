/** Petitions-site JSON → our own Petition shape (types.ts), validating it on the way. */
import type { z } from "zod";
import { PetitionError } from "./errors";
import { parliamentLink } from "./outbound-links";
import { regionGssCode } from "./regions";
import { PETITIONS_SITE, publicPetitionUrl } from "./site";
import { petitionDocumentSchema, petitionListDocumentSchema, type PetitionDocument } from "./schema";
import type { Petition, PetitionListPage, SignatureCount } from "./types";

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}

function parseOrThrow<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new PetitionError(
      "malformed",
      `Malformed ${what} from the petitions site: ${describeIssues(result.error)}`,
    );
  }
  return result.data;
}

type RegionRow = NonNullable<PetitionDocument["data"]["attributes"]["signatures_by_region"]>[number];

/** A letter missing from the table keeps its letter as the code rather than failing the whole petition. */
function toRegion(row: RegionRow): SignatureCount {
  return { name: row.name, code: regionGssCode(row.ons_code) ?? row.ons_code, count: row.signature_count };
}

/**
 * @param options.archived set when the answer came from an /archived/ URL; data.type also marks it.
 * @throws PetitionError of kind "malformed" when required fields are missing or mistyped.
 */
export function reshapePetition(json: unknown, options: { archived?: boolean } = {}): Petition {
  const { data } = parseOrThrow(petitionDocumentSchema, json, "petition");
  const a = data.attributes;
  const archived = data.type === "archived-petition" || options.archived === true;
  return {
    id: data.id,
    action: a.action,
    background: a.background,
    additionalDetails: a.additional_details ?? null,
    state: a.state,
    archived,
    parliament: data.parliament
      ? { period: data.parliament.period, dissolutionAt: data.parliament.dissolution_at ?? null }
      : null,
    signatureCount: a.signature_count,
    createdAt: a.created_at ?? null,
    openedAt: a.opened_at ?? null,
    closedAt: a.closed_at ?? null,
    rejectedAt: a.rejected_at ?? null,
    updatedAt: a.updated_at ?? null,
    moderationThresholdReachedAt: a.moderation_threshold_reached_at ?? null,
    responseThresholdReachedAt: a.response_threshold_reached_at ?? null,
    governmentResponseAt: a.government_response_at ?? null,
    debateThresholdReachedAt: a.debate_threshold_reached_at ?? null,
    debateOutcomeAt: a.debate_outcome_at ?? null,
    governmentResponse: a.government_response
      ? {
          summary: a.government_response.summary,
          details: a.government_response.details,
          respondedOn: a.government_response.responded_on ?? null,
        }
      : null,
    debate: a.debate
      ? {
          debatedOn: a.debate.debated_on ?? null,
          transcriptUrl: parliamentLink(a.debate.transcript_url),
          videoUrl: parliamentLink(a.debate.video_url),
          overview: a.debate.overview ?? null,
        }
      : null,
    rejection: a.rejection ? { code: a.rejection.code, details: a.rejection.details ?? null } : null,
    topics: a.topics ?? [],
    departments: (a.departments ?? []).map((d) => ({ acronym: d.acronym, name: d.name })),
    byCountry: (a.signatures_by_country ?? []).map((c) => ({
      name: c.name,
      code: c.code,
      count: c.signature_count,
    })),
    byConstituency: (a.signatures_by_constituency ?? []).map((c) => ({
      name: c.name,
      code: c.ons_code,
      mp: c.mp ?? null,
      count: c.signature_count,
    })),
    byRegion: a.signatures_by_region ? a.signatures_by_region.map(toRegion) : null,
    url: publicPetitionUrl(data.id, archived),
  };
}

/** The page number in a `links.next` URL such as ".../petitions.json?page=2&state=open". */
function pageOf(link: string): number | null {
  try {
    const page = Number(new URL(link, PETITIONS_SITE).searchParams.get("page"));
    return Number.isSafeInteger(page) && page >= 1 ? page : null;
  } catch {
    return null;
  }
}

/** `petitions.json?state=…&q=…&page=N` → one page of summaries. */
export function reshapePetitionList(json: unknown, page: number): PetitionListPage {
  const doc = parseOrThrow(petitionListDocumentSchema, json, "petition list");
  return {
    page,
    nextPage: doc.links.next ? pageOf(doc.links.next) : null,
    items: doc.data.map(({ id, type, attributes: a }) => {
      const archived = type === "archived-petition";
      return {
        id,
        action: a.action,
        state: a.state,
        archived,
        signatureCount: a.signature_count,
        openedAt: a.opened_at ?? null,
        closedAt: a.closed_at ?? null,
        updatedAt: a.updated_at ?? null,
        url: publicPetitionUrl(id, archived),
      };
    }),
  };
}
