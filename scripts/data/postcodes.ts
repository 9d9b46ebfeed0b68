/**
 * Step "postcodes": every NSPL May 2025 postcode → 2010-set seat (ONSPD Feb 2021 regex lookup, else point-in-polygon)
 * and 2024-set seat (point-in-polygon on the full-resolution ONS July 2024 BUC), written as a gzipped column index.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { FeatureCollection } from "geojson";
import { encodeIndex } from "@/lib/postcodes/codec";
import { INDEX_FILE, META_FILE, NEAR_BOUNDARY_METRES, type PostcodeIndexMeta } from "@/lib/postcodes/meta";
import { dataOut, sharedData } from "./paths";
import { writeJson } from "./output";
import { assignSeats } from "./postcodes-assign";
import { SeatLocator } from "./postcodes-locator";
import { sampleOf } from "./postcodes-sample";
import { OnspdRegexLookup, readNsplPostcodes } from "./postcodes-source";

const readBoundaries = (file: string) =>
  JSON.parse(readFileSync(sharedData("boundaries", file), "utf8")) as FeatureCollection;

export async function buildPostcodes(): Promise<void> {
  const started = performance.now();
  const lap = (label: string) => console.log(`  postcodes: ${label} at ${Math.round(performance.now() - started)} ms`);
  const postcodes = readNsplPostcodes();
  const onspd = new OnspdRegexLookup();
  const locator2010 = new SeatLocator(
    readBoundaries("pcon_2010set_dec2022_uk_buc.geojson"),
    "PCON22CD",
    NEAR_BOUNDARY_METRES,
  );
  const locator2024 = new SeatLocator(
    readBoundaries("pcon_2024set_jul2024_uk_buc.geojson"),
    "PCON24CD",
    NEAR_BOUNDARY_METRES,
  );
  lap(`read ${postcodes.length} postcodes and boundaries`);
  const sample = new Set(sampleOf(postcodes).map((entry) => entry.postcode));
  const { data, counts, pointInPolygon2010 } = assignSeats(postcodes, onspd, locator2010, locator2024, sample);
  lap("assigned seats");
  const compressed = gzipSync(encodeIndex(data), { level: 9 });
  lap("encoded");
  mkdirSync(dataOut("postcodes"), { recursive: true });
  writeFileSync(dataOut("postcodes", INDEX_FILE), compressed);
  const meta: PostcodeIndexMeta = {
    version: createHash("sha256").update(compressed).digest("hex").slice(0, 16),
    file: INDEX_FILE,
    bytes: compressed.length,
    sectors: data.sectors.length,
    nearBoundaryMetres: NEAR_BOUNDARY_METRES,
    counts,
    pointInPolygon2010VsOnspd: pointInPolygon2010,
    sources: {
      postcodes: "NSPL May 2025 unit postcode centroids (odileeds/Postcodes2LatLon)",
      seats2010: "ONSPD Feb 2021 pcon regex lookup (johnnoel/uk-parliamentary-constituency-postcode-lookup)",
      boundaries2010: "ONS Westminster Parliamentary Constituencies (Dec 2022) UK BUC",
      boundaries2024: "ONS Westminster Parliamentary Constituencies (July 2024) UK BUC",
      attribution:
        "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025. Contains GeoPlace data © Local Government Information House Limited copyright and database right 2025.",
    },
  };
  writeJson(dataOut("postcodes", META_FILE), meta);
  const { all, disagreementMetres, nearBoundary } = pointInPolygon2010;
  console.log(
    `  postcodes: ${counts.indexed} indexed, ${counts.nearBoundary2024} near a 2024 boundary, ` +
      `${(compressed.length / 1e6).toFixed(2)} MB; PIP vs ONSPD 2010: ${all.percent}%, wrong ones ` +
      `${disagreementMetres.p50} m (median) / ${disagreementMetres.p90} m (p90) from their seat; within ` +
      `${NEAR_BOUNDARY_METRES} m ${nearBoundary.wrongOffered}/${nearBoundary.wrong} wrong offered the right seat, ` +
      `${nearBoundary.agreementAwayPercent}% right away from boundaries`,
  );
}
