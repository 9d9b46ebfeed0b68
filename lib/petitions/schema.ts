/**
 * Zod schemas of the petitions site's JSON (alphagov/e-petitions app/views/petitions/_petition.json.jbuilder and
 * app/views/archived/petitions/_petition.json.jbuilder). Unknown keys are stripped; a missing required key fails.
 */
import { z } from "zod";

const count = z.number().int().nonnegative();
/** Timestamps and nullable texts the site may send as null or (in older templates) leave out. */
const optionalText = z.string().nullish();

export const PETITION_STATES = [
  "open",
  "closed",
  "rejected",
  "pending",
  "validated",
  "sponsored",
  "flagged",
  "hidden",
  "stopped",
] as const;

export const countrySignaturesSchema = z.object({
  name: z.string(),
  code: z.string(),
  signature_count: count,
});

export const constituencySignaturesSchema = z.object({
  name: z.string(),
  ons_code: z.string().min(1),
  mp: z.string().nullish(),
  signature_count: count,
});

/** Regions carry the site's own letters A–N, not GSS codes (see regions.ts). */
export const regionSignaturesSchema = z.object({
  name: z.string(),
  ons_code: z.string().regex(/^[A-N]$/),
  signature_count: count,
});

const summaryAttributesSchema = z.object({
  action: z.string(),
  background: z.string(),
  state: z.enum(PETITION_STATES),
  signature_count: count,
  created_at: optionalText,
  opened_at: optionalText,
  closed_at: optionalText,
  rejected_at: optionalText,
  updated_at: optionalText,
  // Current petitions list topic codes; both kinds list departments. Older templates have neither.
  topics: z.array(z.string()).nullish(),
  departments: z.array(z.object({ acronym: z.string(), name: z.string(), url: optionalText })).nullish(),
});

export const petitionAttributesSchema = summaryAttributesSchema.extend({
  additional_details: optionalText,
  moderation_threshold_reached_at: optionalText,
  response_threshold_reached_at: optionalText,
  government_response_at: optionalText,
  debate_threshold_reached_at: optionalText,
  debate_outcome_at: optionalText,
  government_response: z
    .object({ summary: z.string(), details: z.string(), responded_on: optionalText })
    .nullish(),
  debate: z
    .object({
      debated_on: optionalText,
      transcript_url: optionalText,
      video_url: optionalText,
      overview: optionalText,
    })
    .nullish(),
  rejection: z.object({ code: z.string(), details: optionalText }).nullish(),
  // Absent on rejected petitions and in list views.
  signatures_by_country: z.array(countrySignaturesSchema).optional(),
  signatures_by_constituency: z.array(constituencySignaturesSchema).optional(),
  // Only since the site started recording regions (2020).
  signatures_by_region: z.array(regionSignaturesSchema).optional(),
});

const petitionType = z.enum(["petition", "archived-petition"]);
const petitionId = z.number().int().positive();

export const parliamentSchema = z.object({ period: z.string(), dissolution_at: optionalText });

export const petitionDocumentSchema = z.object({
  data: z.object({
    type: petitionType,
    id: petitionId,
    attributes: petitionAttributesSchema,
    parliament: parliamentSchema.optional(),
  }),
});

export const petitionListDocumentSchema = z.object({
  links: z.object({ next: z.string().nullish() }),
  data: z.array(z.object({ type: petitionType, id: petitionId, attributes: summaryAttributesSchema })),
});

export type PetitionDocument = z.infer<typeof petitionDocumentSchema>;
export type PetitionListDocument = z.infer<typeof petitionListDocumentSchema>;
