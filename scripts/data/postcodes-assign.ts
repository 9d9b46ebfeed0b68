/** Gives every NSPL postcode its 2010-set and 2024-set seats and fills the index columns. */
import { COORDINATE_SCALE, NO_LOCATION, NO_SEAT, unitCode, type PostcodeIndexData } from "@/lib/postcodes/codec";
import type { Agreement, PostcodeIndexCounts } from "@/lib/postcodes/meta";
import { crownDependencyOf } from "@/lib/postcodes/normalise";
import type { SeatLocator } from "./postcodes-locator";
import type { NsplPostcode, OnspdRegexLookup } from "./postcodes-source";

const agreement = (compared: number, agreed: number): Agreement => ({
  compared,
  agreed,
  percent: compared === 0 ? 0 : Math.round((agreed / compared) * 1e5) / 1e3,
});

export interface Assignment {
  data: PostcodeIndexData;
  counts: PostcodeIndexCounts;
  pointInPolygon2010: { all: Agreement; sample: Agreement };
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
  const latUnits = new Int32Array(capacity);
  const lngUnits = new Int32Array(capacity);
  const located = new Uint8Array(capacity);
  const sectors: string[] = [];
  const sectorStart: number[] = [];
  const nearbyLists = new Map<string, number>();
  const nearbySeats: number[] = [];
  const nearbyStart = [0];
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
    const placed2010 = locator2010.seatOf(lng, lat);
    if (onspdSeat === undefined) {
      seat2010[row] = placed2010;
      counts.seat2010FromPointInPolygon++;
    } else {
      const agreed = placed2010 === onspdSeat ? 1 : 0;
      tally.all[0]!++;
      tally.all[1]! += agreed;
      if (sample.has(postcode)) {
        tally.sample[0]!++;
        tally.sample[1]! += agreed;
      }
    }
    const placement = locator2024.locate(lng, lat);
    seat2024[row] = placement.seat;
    if (placement.metresOutside > 0) counts.outsideAll2024++;
    if (placement.nearby.length > 0) {
      counts.nearBoundary2024++;
      const key = placement.nearby.join(",");
      let list = nearbyLists.get(key);
      if (list === undefined) {
        list = nearbyLists.size;
        nearbyLists.set(key, list);
        nearbySeats.push(...placement.nearby);
        nearbyStart.push(nearbySeats.length);
      }
      nearby[row] = list + 1;
    }
  }
  const rows = counts.indexed;
  sectorStart.push(rows);
  if (nearbyLists.size >= NO_SEAT) throw new Error("Too many distinct near-boundary lists for 16 bits");
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
      nearbyStart: Uint32Array.from(nearbyStart),
      nearbySeats: Uint16Array.from(nearbySeats),
    },
    counts,
    pointInPolygon2010: {
      all: agreement(tally.all[0]!, tally.all[1]!),
      sample: agreement(tally.sample[0]!, tally.sample[1]!),
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
