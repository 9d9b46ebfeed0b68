/**
 * Country names as the petitions site writes them → ISO 3166-1 alpha-2 codes (the site's `code`).
 * Derived from the ICU region names Node ships, plus the few names the site spells differently.
 */
const SITE_NAMES: Record<string, string> = {
  Congo: "CG",
  "Hong Kong": "HK",
  "St Maarten": "SX",
  Turkey: "TR",
};

/** Region codes ICU names that are not countries or territories. */
const NOT_COUNTRIES = new Set(["EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"]);

const nameKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\bst\./g, "st")
    .replace(/\s+/g, " ")
    .trim();

function icuRegionNames(): Map<string, string> {
  const displayNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const byName = new Map<string, string>();
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const name = displayNames.of(code);
      // Aliases (e.g. UK → GB, BU → MM) canonicalise to another code: keep only the canonical one.
      if (!name || NOT_COUNTRIES.has(code) || new Intl.Locale(`und-${code}`).region !== code) continue;
      byName.set(nameKey(name), code);
    }
  }
  return byName;
}

let cache: Map<string, string> | undefined;

/** The ISO code for a country name from the petitions site; throws for a name it cannot place. */
export function countryCode(name: string): string {
  cache ??= new Map([
    ...icuRegionNames(),
    ...Object.entries(SITE_NAMES).map(([site, code]) => [nameKey(site), code] as [string, string]),
  ]);
  const code = cache.get(nameKey(name));
  if (!code) throw new Error(`No country code for "${name}"`);
  return code;
}
