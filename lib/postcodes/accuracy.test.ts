import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { skipWithout } from "@/test/dependencies";
import { sharedData } from "@/scripts/data/paths";
import { sampleOf } from "@/scripts/data/postcodes-sample";
import { readNsplPostcodes } from "@/scripts/data/postcodes-source";
import { loadPostcodeIndex } from "./load";
import { crownDependencyOf } from "./normalise";

const regexDir = sharedData("postcodes", "pcon_2010set_regex_onspd_feb2021");

/** Every ONSPD seat regex matching the postcode, tried one by one: the plain reading of the lookup. */
function onspdMatches(postcode: string, patterns: Map<string, [string, RegExp][]>): string[] {
  if (!patterns.has(postcode[0]!)) {
    const table = JSON.parse(readFileSync(`${regexDir}/${postcode[0]}.json`, "utf8")) as Record<
      string,
      string
    >;
    patterns.set(
      postcode[0]!,
      Object.entries(table).map(([code, source]) => [code, new RegExp(source)]),
    );
  }
  return patterns
    .get(postcode[0]!)!
    .filter(([, pattern]) => pattern.test(postcode))
    .map(([code]) => code);
}

// The raw inputs live beside the repository (../shared).
describe.skipIf(skipWithout(existsSync(regexDir), `${regexDir} is missing`))(
  "postcode index against the raw inputs (fixed 50,000 sample)",
  () => {
    it("agrees with ONSPD Feb 2021 on ≥ 99.9% and answers every located UK postcode", async () => {
      const sample = sampleOf(readNsplPostcodes());
      expect(sample.length).toBe(50_000);
      const { table } = await loadPostcodeIndex();
      const patterns = new Map<string, [string, RegExp][]>();
      let compared = 0;
      let agreed = 0;
      let missingLocated = 0;
      let misplaced = 0;
      for (const { postcode, lat, lng } of sample) {
        const record = table.find(postcode);
        if (crownDependencyOf(postcode)) {
          expect(record).toBeUndefined();
          continue;
        }
        const onspd = onspdMatches(postcode, patterns);
        expect(onspd.length).toBeLessThanOrEqual(1);
        if (onspd.length === 1) {
          compared++;
          if (record?.seat2010 === onspd[0]) agreed++;
        }
        // The answer says it is estimated exactly when the lookup has no seat for the postcode.
        if (record) expect(record.seat2010Estimated, postcode).toBe(onspd.length === 0);
        if (lat === null || lng === null) continue;
        if (!record?.seat2024) missingLocated++;
        else if (Math.abs(record.location!.lat - lat) > 6e-5 || Math.abs(record.location!.lng - lng) > 6e-5) {
          misplaced++;
        }
      }
      expect(compared).toBeGreaterThan(45_000);
      expect(agreed / compared).toBeGreaterThanOrEqual(0.999);
      expect(missingLocated).toBe(0);
      expect(misplaced).toBe(0);
    }, 120_000);
  },
);
