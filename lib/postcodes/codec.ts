/**
 * The postcode index as columns: one row per postcode, ordered by sector ("SW1A1") then unit ("AA"),
 * seats as indices into code tables. `encodeIndex`/`decodeIndex` give the on-disk bytes (before gzip).
 */
export const INDEX_FORMAT = 2;
/** Seat index meaning "no seat" (no regex match and no grid reference, or no grid reference for 2024). */
export const NO_SEAT = 0xffff;
/** Latitude offset marking a postcode without a grid reference. */
export const NO_LOCATION = -0x8000;
/** Coordinates are whole units of 1e-4 degree (about 11 m north–south, 7 m east–west). */
export const COORDINATE_SCALE = 10_000;
const MAGIC = "PCIX";

export interface PostcodeIndexData {
  codes2010: string[];
  codes2024: string[];
  /** Space-less outward code plus sector digit, e.g. "SW1A1"; rows of sector s are sectorStart[s] .. sectorStart[s+1]. */
  sectors: string[];
  sectorStart: Uint32Array;
  /** Sector anchor in coordinate units; each row stores its offset from it. */
  sectorLat: Int32Array;
  sectorLng: Int32Array;
  /** The two unit letters as (first - 65) * 26 + (second - 65), ascending within a sector. */
  unit: Uint16Array;
  seat2010: Uint16Array;
  seat2024: Uint16Array;
  /** 0 when not near another 2024 seat, else 1 + the index of a list in nearbyStart/nearbySeats. */
  nearby: Uint16Array;
  /** Rows whose 2010 seat is estimated by point-in-polygon (postcodes newer than the ONSPD lookup), ascending. */
  estimated2010: Uint32Array;
  /** For each of those rows, its near-boundary 2010 seats as `nearby` refers to lists (indices into codes2010). */
  nearby2010: Uint16Array;
  latOffset: Int16Array;
  lngOffset: Int16Array;
  nearbyStart: Uint32Array;
  nearbySeats: Uint16Array;
}

interface Header {
  format: number;
  codes2010: string[];
  codes2024: string[];
  sectors: string[];
  rows: number;
  unlocatedRows: number;
  nearbyLists: number;
  nearbySeats: number;
  estimated2010: number;
}

export const unitCode = (unit: string) => (unit.charCodeAt(0) - 65) * 26 + (unit.charCodeAt(1) - 65);

/** Rows without a grid reference, and per sector the change from the previous located row (wrapping at 16 bits). */
function toDeltas(data: PostcodeIndexData) {
  const unlocated: number[] = [];
  const lat = new Int16Array(data.unit.length);
  const lng = new Int16Array(data.unit.length);
  for (let s = 0; s < data.sectors.length; s++) {
    let previousLat = 0;
    let previousLng = 0;
    for (let row = data.sectorStart[s]!; row < data.sectorStart[s + 1]!; row++) {
      if (data.latOffset[row] === NO_LOCATION) {
        unlocated.push(row);
        continue;
      }
      lat[row] = data.latOffset[row]! - previousLat;
      lng[row] = data.lngOffset[row]! - previousLng;
      previousLat = data.latOffset[row]!;
      previousLng = data.lngOffset[row]!;
    }
  }
  return { unlocated: Uint32Array.from(unlocated), lat, lng };
}

function fromDeltas(data: PostcodeIndexData, unlocated: Uint32Array): void {
  let nextUnlocated = 0;
  for (let s = 0; s < data.sectors.length; s++) {
    let previousLat = 0;
    let previousLng = 0;
    for (let row = data.sectorStart[s]!; row < data.sectorStart[s + 1]!; row++) {
      if (unlocated[nextUnlocated] === row) {
        data.latOffset[row] = NO_LOCATION;
        nextUnlocated++;
        continue;
      }
      // Int16Array stores modulo 2^16, undoing the wrap of the encoder.
      data.latOffset[row] = previousLat + data.latOffset[row]!;
      data.lngOffset[row] = previousLng + data.lngOffset[row]!;
      previousLat = data.latOffset[row]!;
      previousLng = data.lngOffset[row]!;
    }
  }
}

const padding = (length: number) => (4 - (length % 4)) % 4;

/** Serialises the index: "PCIX", header length, JSON header, then little-endian columns, each 4-byte aligned. */
export function encodeIndex(data: PostcodeIndexData): Buffer {
  const deltas = toDeltas(data);
  const header: Header = {
    format: INDEX_FORMAT,
    codes2010: data.codes2010,
    codes2024: data.codes2024,
    sectors: data.sectors,
    rows: data.unit.length,
    unlocatedRows: deltas.unlocated.length,
    nearbyLists: data.nearbyStart.length - 1,
    nearbySeats: data.nearbySeats.length,
    estimated2010: data.estimated2010.length,
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const columns = [
    data.sectorStart,
    data.sectorLat,
    data.sectorLng,
    data.unit,
    data.seat2010,
    data.seat2024,
    data.nearby,
    deltas.lat,
    deltas.lng,
    deltas.unlocated,
    data.nearbyStart,
    data.nearbySeats,
    data.estimated2010,
    data.nearby2010,
  ];
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, "ascii");
  prefix.writeUInt32LE(headerBytes.length, 4);
  const parts: Uint8Array[] = [prefix, headerBytes, Buffer.alloc(padding(headerBytes.length))];
  for (const column of columns) {
    parts.push(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
    parts.push(Buffer.alloc(padding(column.byteLength)));
  }
  return Buffer.concat(parts);
}

/** Reads columns in encoding order as views on the bytes (copied once only if they are not 4-byte aligned). */
class ColumnReader {
  private offset: number;
  private readonly buffer: ArrayBufferLike;

  constructor(bytes: Uint8Array, start: number) {
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
    this.buffer = aligned.buffer;
    this.offset = aligned.byteOffset + start;
  }

  private next<T>(
    make: (buffer: ArrayBufferLike, offset: number, length: number) => T,
    length: number,
    size: number,
  ) {
    const column = make(this.buffer, this.offset, length);
    this.offset += length * size + padding(length * size);
    return column;
  }

  uint32 = (length: number) => this.next((b, o, n) => new Uint32Array(b, o, n), length, 4);
  int32 = (length: number) => this.next((b, o, n) => new Int32Array(b, o, n), length, 4);
  uint16 = (length: number) => this.next((b, o, n) => new Uint16Array(b, o, n), length, 2);
  int16 = (length: number) => this.next((b, o, n) => new Int16Array(b, o, n), length, 2);
}

/** Takes ownership of the bytes: the columns are views on them, and coordinates are decoded in place. */
export function decodeIndex(bytes: Uint8Array): PostcodeIndexData {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1)
    throw new Error("The postcode index needs a little-endian host");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error("Not a postcode index file");
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  if (header.format !== INDEX_FORMAT)
    throw new Error(`Postcode index format ${header.format} is not supported`);
  const reader = new ColumnReader(bytes, 8 + headerLength + padding(headerLength));
  const sectors = header.sectors.length;
  const data: PostcodeIndexData = {
    codes2010: header.codes2010,
    codes2024: header.codes2024,
    sectors: header.sectors,
    sectorStart: reader.uint32(sectors + 1),
    sectorLat: reader.int32(sectors),
    sectorLng: reader.int32(sectors),
    unit: reader.uint16(header.rows),
    seat2010: reader.uint16(header.rows),
    seat2024: reader.uint16(header.rows),
    nearby: reader.uint16(header.rows),
    latOffset: reader.int16(header.rows),
    lngOffset: reader.int16(header.rows),
    nearbyStart: new Uint32Array(0),
    nearbySeats: new Uint16Array(0),
    estimated2010: new Uint32Array(0),
    nearby2010: new Uint16Array(0),
  };
  const unlocated = reader.uint32(header.unlocatedRows);
  data.nearbyStart = reader.uint32(header.nearbyLists + 1);
  data.nearbySeats = reader.uint16(header.nearbySeats);
  data.estimated2010 = reader.uint32(header.estimated2010);
  data.nearby2010 = reader.uint16(header.estimated2010);
  fromDeltas(data, unlocated);
  return data;
}
