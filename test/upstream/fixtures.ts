/** Petition ids the stand-in serves (fixtures/<id>.json, made by make-fixtures.ts), for unit and e2e tests. */

export const FIXTURE_IDS = {
  /** Open, 2024– parliament, 2024-set codes for all 650 seats, with signatures_by_region. */
  open2024: 700001,
  /** Closed in the 2024– parliament, with a government response and a debate. */
  closed2024: 700002,
  /** About 10,000 signatures: some seats zero, some missing from the breakdown entirely. */
  small: 700003,
  /** Action, background and details carry script and onerror payloads. */
  hostile: 700004,
  /** 650 seats of the 2024 set plus one row whose ons_code is in neither set. */
  unknownCode: 700005,
  /** The real rejected petition, served from ../shared/data/petitions (no breakdowns). */
  rejected: 751154,
  /** 2019–24 parliament, 2010-set codes: /petitions/ID.json redirects to /archived/petitions/ID.json. */
  archived2019: 600001,
} as const;

/** An ons_code of the unknownCode fixture that belongs to neither boundary set. */
export const UNKNOWN_ONS_CODE = "E14099999";

/** An id the stand-in answers 404 for. */
export const MISSING_ID = 799999;

/** Extra open petitions made from the small fixture so that listings span pages (ids FIRST..FIRST+COUNT-1). */
export const LISTING_FILLER = { first: 710001, count: 55 } as const;
/** The first id of the open copies a stand-in started with `openCopies` serves (a thousand open petitions). */
export const OPEN_COPIES_FIRST = 720001;
