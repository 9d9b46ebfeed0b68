import { COORDINATE_SCALE, NO_LOCATION, NO_SEAT, unitCode, type PostcodeIndexData } from "./codec";

export interface PostcodeRecord {
  seat2010: string;
  /** The 2010 seat comes from point-in-polygon (the postcode is newer than the ONSPD lookup), not the lookup. */
  seat2010Estimated: boolean;
  /** For an estimated 2010 seat, other 2010 seats whose boundary lies within the near-boundary distance. */
  nearby2010: string[];
  /** Null only for a postcode without a grid reference (the 2024 seat comes from its location). */
  seat2024: string | null;
  /** Other 2024 seats whose boundary lies within the near-boundary distance, nearest first. */
  nearby2024: string[];
  location: { lat: number; lng: number } | null;
}

/** In-memory postcode index: sector by hash map, unit by binary search within the sector. */
export class PostcodeTable {
  private readonly sectorIndex: Map<string, number>;

  constructor(private readonly data: PostcodeIndexData) {
    this.sectorIndex = new Map(data.sectors.map((sector, index) => [sector, index]));
  }

  get size(): number {
    return this.data.unit.length;
  }

  /** Record of an upper-case, space-less postcode ("SW1A1AA"), or undefined when the index lacks it. */
  find(postcode: string): PostcodeRecord | undefined {
    const sector = this.sectorIndex.get(postcode.slice(0, -2));
    if (sector === undefined) return undefined;
    const row = this.findUnit(sector, unitCode(postcode.slice(-2)));
    return row === -1 ? undefined : this.record(sector, row);
  }

  private findUnit(sector: number, unit: number): number {
    let low = this.data.sectorStart[sector]!;
    let high = this.data.sectorStart[sector + 1]! - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.data.unit[middle]!;
      if (value === unit) return middle;
      if (value < unit) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** The seat codes of a near-boundary list reference (0: none). */
  private nearbyList(reference: number, codes: readonly string[]): string[] {
    const { nearbyStart, nearbySeats } = this.data;
    const list = reference - 1;
    if (list < 0) return [];
    const seats: string[] = [];
    for (let i = nearbyStart[list]!; i < nearbyStart[list + 1]!; i++) seats.push(codes[nearbySeats[i]!]!);
    return seats;
  }

  /** Position of the row among the rows with an estimated 2010 seat, or -1. */
  private estimated2010(row: number): number {
    const rows = this.data.estimated2010;
    let low = 0;
    let high = rows.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (rows[middle] === row) return middle;
      if (rows[middle]! < row) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private record(sector: number, row: number): PostcodeRecord {
    const { data } = this;
    const seat2024 = data.seat2024[row]!;
    const estimated = this.estimated2010(row);
    const latOffset = data.latOffset[row]!;
    return {
      seat2010: data.codes2010[data.seat2010[row]!]!,
      seat2010Estimated: estimated >= 0,
      nearby2010: estimated >= 0 ? this.nearbyList(data.nearby2010[estimated]!, data.codes2010) : [],
      seat2024: seat2024 === NO_SEAT ? null : data.codes2024[seat2024]!,
      nearby2024: this.nearbyList(data.nearby[row]!, data.codes2024),
      location:
        latOffset === NO_LOCATION
          ? null
          : {
              lat: (data.sectorLat[sector]! + latOffset) / COORDINATE_SCALE,
              lng: (data.sectorLng[sector]! + data.lngOffset[row]!) / COORDINATE_SCALE,
            },
    };
  }
}
