/** The nations and English regions a view can focus on, keyed by URL slug. */
export interface RegionFocus {
  slug: string;
  name: string;
  /** GSS code of the nation or region. */
  code: string;
  kind: "nation" | "region";
}

export const REGION_FOCI: readonly RegionFocus[] = [
  { slug: "england", name: "England", code: "E92000001", kind: "nation" },
  { slug: "scotland", name: "Scotland", code: "S92000003", kind: "nation" },
  { slug: "wales", name: "Wales", code: "W92000004", kind: "nation" },
  { slug: "northern-ireland", name: "Northern Ireland", code: "N92000002", kind: "nation" },
  { slug: "north-east", name: "North East", code: "E12000001", kind: "region" },
  { slug: "north-west", name: "North West", code: "E12000002", kind: "region" },
  { slug: "yorkshire-and-the-humber", name: "Yorkshire and The Humber", code: "E12000003", kind: "region" },
  { slug: "east-midlands", name: "East Midlands", code: "E12000004", kind: "region" },
  { slug: "west-midlands", name: "West Midlands", code: "E12000005", kind: "region" },
  { slug: "east-of-england", name: "East of England", code: "E12000006", kind: "region" },
  { slug: "london", name: "London", code: "E12000007", kind: "region" },
  { slug: "south-east", name: "South East", code: "E12000008", kind: "region" },
  { slug: "south-west", name: "South West", code: "E12000009", kind: "region" },
];

export function regionBySlug(slug: string): RegionFocus | undefined {
  return REGION_FOCI.find((focus) => focus.slug === slug);
}

/** Whether a seat lies in a nation or English region focus. */
export function inRegion(seat: { nation: string; regionCode: string }, focus: RegionFocus): boolean {
  return focus.kind === "nation" ? seat.nation === focus.name : seat.regionCode === focus.code;
}
