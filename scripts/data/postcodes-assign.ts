/** Gives every NSPL postcode its 2010-set and 2024-set seats and fills the index columns. */
import { quantileSorted } from "simple-statistics";
import { COORDINATE_SCALE, NO_LOCATION, NO_SEAT, unitCode, type PostcodeIndexData } from "@/lib/postcodes/codec";
import type { Agreement, NearBoundaryCheck, PointInPolygonCheck, PostcodeIndexCounts } from "@/lib/postcodes/meta";
import { crownDependencyOf } from "@/lib/postcodes/normalise";
import type { SeatLocator } from "./postcodes-locator";
import type { NsplPostcode, OnspdRegexLookup } from "./postcodes-source";

const agreement = (compared: number, agreed: number): Agreement => ({
  compared,
  agreed,
  percent: compared === 0 ? 0 : Math.round((agreed / compared) * 1e5) / 1e3,
});

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1e5) / 1e3);

export interface Assignment {
  data: PostcodeIndexData;
  counts: PostcodeIndexCounts;
  pointInPolygon2010: PointInPolygonCheck;
}

/** Distinct near-boundary seat lists, stored once each; a row refers to its list by 1 + its index (0: none). */
class NearbyLists {
  readonly seats: number[] = [];
  readonly start = [0];
  private readonly lists = new Map<string, number>();

  /** The reference for a set's list of seat indices (the set is part of the key: indices differ by set). */
  refer(set: "2010" | "2024", nearby: readonly number[]): number {
    if (nearby.length === 0) return 0;
    const key = `${set}:${nearby.join(",")}`;
    let list = this.lists.get(key);
    if (list === undefined) {
      list = this.lists.size;
      this.lists.set(key, list);
      this.seats.push(...nearby);
      this.start.push(this.seats.length);
    }
    if (list + 1 >= NO_SEAT) throw new Error("Too many distinct near-boundary lists for 16 bits");
    return list + 1;
  }
}

/** The spread of the distances from wrongly placed postcodes to their ONSPD seat, in whole metres. */
function distanceQuantiles(metres: number[]): PointInPolygonCheck["disagreementMetres"] {
  const sorted = [...metres].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? 0 : Math.round(quantileSorted(sorted, q)));
  return { p50: at(0.5), p75: at(0.75), p90: at(0.9), p95: at(0.95), p99: at(0.99) };
}

export function assignSeats(
  postcodes: readonly NsplPostcode[],
  onspd: OnspdRegexLookup,
  locator2010: SeatLocator,
  locator2024: SeatLocator,
  sample: ReadonlySet<string>,
): Assignment {
  const seatIndex2010 = new Map(locator2010.codes.map((code, index) => [code, index]));
  const capacity = postcodes.length;
  const unit = new Uint16Array(capacity);
  const seat2010 = new Uint16Array(capacity);
  const seat2024 = new Uint16Array(capacity).fill(NO_SEAT);
  const nearby = new Uint16Array(capacity);
  const estimated2010: number[] = [];
  const nearby2010: number[] = [];
  const latUnits = new Int32Array(capacity);
  const lngUnits = new Int32Array(capacity);
  const located = new Uint8Array(capacity);
  const sectors: string[] = [];
  const sectorStart: number[] = [];
  const lists = new NearbyLists();
  const disagreementMetres: number[] = [];
  const nearCheck: NearBoundaryCheck = { compared: 0, flagged: 0, wrong: 0, wrongOffered: 0, agreementAwayPercent: 0 };
  let wrongAway = 0;
  const counts: PostcodeIndexCounts = {
    nsplPostcodes: postcodes.length,
    indexed: 0,
    crownDependencySkipped: 0,
    unmatchedUnlocatedSkipped: 0,
    seat2010FromOnspd: 0,
    seat2010FromPointInPolygon: 0,
    unlocatedIndexed: 0,
    outsideAll2024: 0,
    nearBoundary2024: 0,
  };
  const tally = { all: [0, 0], sample: [0, 0] };

  for (const { postcode, lat, lng } of postcodes) {
    if (crownDependencyOf(postcode)) {
      counts.crownDependencySkipped++;
      continue;
    }
    const onspdCode = onspd.match(postcode);
    if (onspdCode === null && (lat === null || lng === null)) {
      counts.unmatchedUnlocatedSkipped++;
      continue;
    }
    const row = counts.indexed++;
    const sector = postcode.slice(0, -2);
    if (sectors[sectors.length - 1] !== sector) {
      sectors.push(sector);
      sectorStart.push(row);
    }
    unit[row] = unitCode(postcode.slice(-2));
    const onspdSeat = onspdCode === null ? undefined : seatIndex2010.get(onspdCode);
    if (onspdCode !== null && onspdSeat === undefined) throw new Error(`ONSPD seat ${onspdCode} has no boundary`);
    if (onspdSeat !== undefined) {
      seat2010[row] = onspdSeat;
      counts.seat2010FromOnspd++;
    }
    if (lat === null || lng === null) {
      counts.unlocatedIndexed++;
      continue;
    }
    located[row] = 1;
    latUnits[row] = Math.round(lat * COORDINATE_SCALE);
    lngUnits[row] = Math.round(lng * COORDINATE_SCALE);
    if (onspdSeat === undefined) {
      // Newer than the ONSPD lookup: placed like the 2024 answers, with the seats whose boundary is close.
      const placement2010 = locator2010.locate(lng, lat);
      seat2010[row] = placement2010.seat;
      estimated2010.push(row);
      nearby2010.push(lists.refer("2010", placement2010.nearby));
      counts.seat2010FromPointInPolygon++;
    } else {
      const inSample = sample.has(postcode);
      // The sample also measures the near-boundary flag, which needs the slower search around the point.
      const placement2010 = inSample ? locator2010.locate(lng, lat) : null;
      const placed2010 = placement2010?.seat ?? locator2010.seatOf(lng, lat);
      const agreed = placed2010 === onspdSeat ? 1 : 0;
      tally.all[0]!++;
      tally.all[1]! += agreed;
      if (!agreed) disagreementMetres.push(locator2010.distanceTo(lng, lat, onspdSeat));
      if (placement2010) {
        tally.sample[0]!++;
        tally.sample[1]! += agreed;
        nearCheck.compared++;
        const flagged = placement2010.nearby.length > 0;
        if (flagged) nearCheck.flagged++;
        if (!agreed) {
          nearCheck.wrong++;
          if (placement2010.nearby.includes(onspdSeat)) nearCheck.wrongOffered++;
          else if (!flagged) wrongAway++;
        }
      }
    }
    const placement = locator2024.locate(lng, lat);
    seat2024[row] = placement.seat;
    if (placement.metresOutside > 0) counts.outsideAll2024++;
    if (placement.nearby.length > 0) counts.nearBoundary2024++;
    nearby[row] = lists.refer("2024", placement.nearby);
  }
  const rows = counts.indexed;
  sectorStart.push(rows);
  const away = nearCheck.compared - nearCheck.flagged;
  nearCheck.agreementAwayPercent = percent(away - wrongAway, away);
  const anchored = anchorCoordinates(Uint32Array.from(sectorStart), latUnits, lngUnits, located);
  return {
    data: {
      codes2010: locator2010.codes,
      codes2024: locator2024.codes,
      sectors,
      sectorStart: Uint32Array.from(sectorStart),
      sectorLat: anchored.sectorLat,
      sectorLng: anchored.sectorLng,
      unit: unit.slice(0, rows),
      seat2010: seat2010.slice(0, rows),
      seat2024: seat2024.slice(0, rows),
      nearby: nearby.slice(0, rows),
      latOffset: anchored.latOffset.slice(0, rows),
      lngOffset: anchored.lngOffset.slice(0, rows),
      estimated2010: Uint32Array.from(estimated2010),
      nearby2010: Uint16Array.from(nearby2010),
      nearbyStart: Uint32Array.from(lists.start),
      nearbySeats: Uint16Array.from(lists.seats),
    },
    counts,
    pointInPolygon2010: {
      all: agreement(tally.all[0]!, tally.all[1]!),
      sample: agreement(tally.sample[0]!, tally.sample[1]!),
      disagreementMetres: distanceQuantiles(disagreementMetres),
      nearBoundary: nearCheck,
    },
  };
}

/** Per sector, the midpoint of its postcodes' extent, and each postcode's 16-bit offset from it. */
function anchorCoordinates(sectorStart: Uint32Array, lat: Int32Array, lng: Int32Array, located: Uint8Array) {
  const sectors = sectorStart.length - 1;
  const sectorLat = new Int32Array(sectors);
  const sectorLng = new Int32Array(sectors);
  const latOffset = new Int16Array(lat.length).fill(NO_LOCATION);
  const lngOffset = new Int16Array(lng.length);
  for (let s = 0; s < sectors; s++) {
    const rows: number[] = [];
    for (let row = sectorStart[s]!; row < sectorStart[s + 1]!; row++) if (located[row]) rows.push(row);
    if (rows.length === 0) continue;
    const middle = (values: number[]) => Math.round((Math.min(...values) + Math.max(...values)) / 2);
    sectorLat[s] = middle(rows.map((row) => lat[row]!));
    sectorLng[s] = middle(rows.map((row) => lng[row]!));
    for (const row of rows) {
      const dLat = lat[row]! - sectorLat[s]!;
      const dLng = lng[row]! - sectorLng[s]!;
      if (Math.max(Math.abs(dLat), Math.abs(dLng)) > 0x7fff) throw new Error(`Sector ${s} spans too far`);
      latOffset[row] = dLat;
      lngOffset[row] = dLng;
    }
  }
  return { sectorLat, sectorLng, latOffset, lngOffset };
}
