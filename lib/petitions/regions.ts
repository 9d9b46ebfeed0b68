/**
 * The petitions site's `signatures_by_region[].ons_code` letters → ONS region/nation GSS codes.
 * Source: ../shared/data/petitions/petitions_site_region_codes.csv (letters and names from alphagov/e-petitions
 * db/migrate/20200211153936_create_regions.rb; GSS codes are the standard ONS region codes). C and I are unused.
 */
export const REGION_BY_PETITIONS_CODE: Readonly<Record<string, { name: string; gss: string }>> = {
  A: { name: "North East", gss: "E12000001" },
  B: { name: "North West", gss: "E12000002" },
  D: { name: "Yorkshire and The Humber", gss: "E12000003" },
  E: { name: "East Midlands", gss: "E12000004" },
  F: { name: "West Midlands", gss: "E12000005" },
  G: { name: "East of England", gss: "E12000006" },
  H: { name: "London", gss: "E12000007" },
  J: { name: "South East", gss: "E12000008" },
  K: { name: "South West", gss: "E12000009" },
  L: { name: "Wales", gss: "W92000004" },
  M: { name: "Scotland", gss: "S92000003" },
  N: { name: "Northern Ireland", gss: "N92000002" },
};

/** The GSS code for a petitions-site region letter, or null for a letter the table does not know. */
export function regionGssCode(petitionsCode: string): string | null {
  return REGION_BY_PETITIONS_CODE[petitionsCode]?.gss ?? null;
}
