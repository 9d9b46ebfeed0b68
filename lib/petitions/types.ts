/** Our own shape of a petition, reshaped from the petitions site's JSON (see reshape.ts). */

export type PetitionState =
  "open" | "closed" | "rejected" | "pending" | "validated" | "sponsored" | "flagged" | "hidden" | "stopped";

export interface SignatureCount {
  name: string;
  code: string;
  count: number;
}

export interface ConstituencySignatures extends SignatureCount {
  /** The MP as the petitions site names them, e.g. "Rt Hon Sir George Howarth MP". */
  mp: string | null;
}

export interface GovernmentResponse {
  summary: string;
  details: string;
  respondedOn: string | null;
}

export interface Debate {
  debatedOn: string | null;
  transcriptUrl: string | null;
  videoUrl: string | null;
  overview: string | null;
}

export interface Rejection {
  code: string;
  details: string | null;
}

/** A government department the petitions site files a petition under. */
export interface Department {
  acronym: string;
  name: string;
}

export interface Parliament {
  period: string;
  dissolutionAt: string | null;
}

export interface Petition {
  id: number;
  action: string;
  background: string;
  additionalDetails: string | null;
  state: PetitionState;
  /** True when the site serves it under /archived (an earlier parliament). */
  archived: boolean;
  parliament: Parliament | null;
  signatureCount: number;
  createdAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  rejectedAt: string | null;
  updatedAt: string | null;
  moderationThresholdReachedAt: string | null;
  responseThresholdReachedAt: string | null;
  governmentResponseAt: string | null;
  debateThresholdReachedAt: string | null;
  debateOutcomeAt: string | null;
  governmentResponse: GovernmentResponse | null;
  debate: Debate | null;
  rejection: Rejection | null;
  /** The site's topic codes, e.g. "health"; empty when it gives none (archived petitions). */
  topics: string[];
  departments: Department[];
  /** Empty for rejected petitions, which have no breakdowns. */
  byCountry: SignatureCount[];
  byConstituency: ConstituencySignatures[];
  /** Null when the petition predates the site's regional breakdown (2020). */
  byRegion: SignatureCount[] | null;
  /** The petition's public page on the petitions site. */
  url: string;
}

/** One row of a petitions-site search or listing (no breakdowns). */
export interface PetitionSummary {
  id: number;
  action: string;
  state: PetitionState;
  archived: boolean;
  signatureCount: number;
  openedAt: string | null;
  closedAt: string | null;
  updatedAt: string | null;
  url: string;
}

export interface PetitionListPage {
  page: number;
  /** The next page number, or null on the last page. */
  nextPage: number | null;
  items: PetitionSummary[];
}
