import { toNormalised } from "postcode";

/** Longer input is not a postcode, however it is spaced; refusing it early bounds the work per request. */
const MAX_INPUT_LENGTH = 16;
/** Newport's pre-1984 "NPT" postcodes remain in the NSPL as terminated codes; the postcode package rejects them. */
const LEGACY_NEWPORT = /^NPT ?(\d[A-Z]{2})$/;

/** "sw1a1aa", " SW1A  1AA " → "SW1A 1AA"; null when the input is not shaped like a UK postcode. */
export function normalisePostcode(raw: string): string | null {
  if (raw.length > MAX_INPUT_LENGTH) return null;
  const squeezed = raw.trim().replace(/\s+/g, " ").toUpperCase();
  const legacy = LEGACY_NEWPORT.exec(squeezed);
  if (legacy) return `NPT ${legacy[1]}`;
  return toNormalised(squeezed);
}

export type CrownDependency = "Guernsey" | "Jersey" | "Isle of Man";

const CROWN_DEPENDENCY_AREAS: Record<string, CrownDependency> = {
  GY: "Guernsey",
  JE: "Jersey",
  IM: "Isle of Man",
};

/** The Crown Dependency a normalised postcode belongs to (postcode areas GY, JE, IM), or null. */
export function crownDependencyOf(postcode: string): CrownDependency | null {
  const area = /^[A-Z]+/.exec(postcode)?.[0] ?? "";
  return CROWN_DEPENDENCY_AREAS[area] ?? null;
}
