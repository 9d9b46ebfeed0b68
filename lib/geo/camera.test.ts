import { describe, expect, it } from "vitest";
import { getGeoManifest, getSeats } from "@/lib/seats";
import { MERCATOR_SCALE, projectMercator } from "@/lib/seats/mercator";
import {
  cameraFrame,
  cameraOfSvg,
  cameraSeats,
  FIT_PADDING,
  frameWidth,
  frameZoom,
  NOMINAL_MAP_PX,
  type ScreenBox,
  SEAT_MAX_ZOOM,
  seatsFrame,
  type SvgFrame,
  unitsPerPixel,
  wholeFrame,
} from "./camera";
import { unionBounds } from "./seats-topology";
import { seatBoxesOf } from "./seat-paths-file";

const seats2010 = getSeats("2010");
const boxes = seatBoxesOf("2010");
const SALFORD = "E14000911";
const salford = boxes.get(SALFORD)!;
const scotland = unionBounds(
  seats2010.filter((seat) => seat.nation === "Scotland").map((seat) => boxes.get(seat.code)!),
)!;

/** What the browser makes of frameWidth: the svg element's box, centred in a map box (an independent reading). */
function layOut(frame: SvgFrame, map: ScreenBox): ScreenBox {
  const [, , units, unitsHigh] = frame.viewBox;
  const limit = frame.maxZoom === null ? Infinity : units / unitsPerPixel(frame.maxZoom);
  const width = frame.fit
    ? Math.min(map.width - 2 * FIT_PADDING, (map.height - 2 * FIT_PADDING) * (units / unitsHigh), limit)
    : limit;
  const height = (width * unitsHigh) / units;
  return { x: map.x + (map.width - width) / 2, y: map.y + (map.height - height) / 2, width, height };
}

/** The zoom fitBounds picks for a Mercator box in a map of `px`, with FIT_PADDING and an optional limit. */
function fitBoundsZoom(box: readonly number[], px: readonly [number, number], maxZoom = Infinity): number {
  const [minX = 0, minY = 0, maxX = 0, maxY = 0] = box;
  const scale = Math.min(
    (px[0] - 2 * FIT_PADDING) / (maxX - minX),
    (px[1] - 2 * FIT_PADDING) / (maxY - minY),
  );
  return Math.min(maxZoom, Math.log2((scale * MERCATOR_SCALE) / 512));
}

describe("unitsPerPixel", () => {
  it.each([
    [6, 1],
    [7, 0.5],
    [SEAT_MAX_ZOOM, 2 ** -2.5],
  ])("at zoom %d a pixel is %d Mercator units (512-pixel tiles)", (zoom, units) => {
    expect(unitsPerPixel(zoom)).toBeCloseTo(units, 12);
  });
});

describe("seatsFrame and frameZoom", () => {
  it("shows a city seat at the zoom limit in every map box, as fitBounds would", () => {
    const frame = seatsFrame(salford);
    for (const px of [NOMINAL_MAP_PX, [294 + 96, 242 + 96], [1880, 630]] as const) {
      expect(fitBoundsZoom(salford, px, SEAT_MAX_ZOOM)).toBe(SEAT_MAX_ZOOM);
      expect(frameZoom(frame, px)).toBeCloseTo(SEAT_MAX_ZOOM, 6);
    }
  });

  it("fits a region below the limit, further out in a phone's box than a laptop's, as fitBounds would", () => {
    const frame = seatsFrame(scotland);
    const laptop = frameZoom(frame);
    const phone = frameZoom(frame, [390, 338]);
    expect(laptop).toBeCloseTo(fitBoundsZoom(scotland, NOMINAL_MAP_PX), 2);
    expect(phone).toBeCloseTo(fitBoundsZoom(scotland, [390, 338]), 2);
    expect(phone).toBeLessThan(laptop);
    expect(laptop).toBeLessThan(SEAT_MAX_ZOOM);
  });

  it("keeps the whole map's viewBox as it is, with no zoom limit", () => {
    const { viewBox } = getGeoManifest("2010");
    const frame = wholeFrame(viewBox);
    expect(frame).toEqual({ viewBox, maxZoom: null, fit: true });
    expect(frameWidth(frame)).not.toMatch(/px\)$/);
  });
});

describe("frameWidth", () => {
  it("writes the tighter of the map's padded width and height, and the zoom limit, in CSS", () => {
    const frame = seatsFrame([1000, 2000, 1010, 2005]);
    const limit = 10 / unitsPerPixel(SEAT_MAX_ZOOM);
    expect(frameWidth(frame)).toBe(
      `min(100cqw - 96px, (100cqh - 96px) * 2, ${Math.round(limit * 100) / 100}px)`,
    );
  });

  it("gives a shared camera a fixed width: its zoom does not depend on the map's size", () => {
    expect(frameWidth(cameraFrame({ lng: -2.3, lat: 53.5, zoom: 9 }))).toBe(
      `${NOMINAL_MAP_PX[0] - 2 * FIT_PADDING}px`,
    );
  });
});

describe("cameraFrame", () => {
  it("centres on the camera and shows it at its zoom", () => {
    const frame = cameraFrame({ lng: -2.3, lat: 53.5, zoom: 9 });
    const [x, y, width, height] = frame.viewBox;
    const [cx, cy] = projectMercator(-2.3, 53.5);
    expect(x + width / 2).toBeCloseTo(cx, 1);
    expect(y + height / 2).toBeCloseTo(cy, 1);
    expect(frameZoom(frame)).toBeCloseTo(9, 2);
    expect(frameZoom(frame, [390, 700])).toBeCloseTo(9, 2);
  });
});

describe("cameraOfSvg", () => {
  it("gives back a shared camera from the SVG laid out in any map box", () => {
    const at = { lng: -1.5, lat: 52.5, zoom: 7.25 };
    for (const map of [
      { x: 0, y: 88, width: 960, height: 720 },
      { x: 0, y: 88, width: 390, height: 688 },
    ]) {
      const camera = cameraOfSvg(cameraFrame(at).viewBox, layOut(cameraFrame(at), map), map);
      expect(camera.lng).toBeCloseTo(at.lng, 4);
      expect(camera.lat).toBeCloseTo(at.lat, 4);
      expect(camera.zoom).toBeCloseTo(at.zoom, 3);
    }
  });

  it("puts a seat framed above a phone's half sheet where the SVG drew it: centred above the sheet, at the limit", () => {
    // 390×844: the map's box from y=88, 688 high; the half sheet covers its lower 350 px, so the SVG fits above it.
    const map = { x: 0, y: 88, width: 390, height: 688 };
    const aboveSheet = { ...map, height: 338 };
    const frame = seatsFrame(salford);
    const camera = cameraOfSvg(frame.viewBox, layOut(frame, aboveSheet), map);
    expect(camera.zoom).toBeCloseTo(SEAT_MAX_ZOOM, 6);
    // MapLibre centres on the middle of its whole box, 175 px (the half cover) below the seat's centre.
    const [x, y] = projectMercator(camera.lng, camera.lat);
    expect(x).toBeCloseTo((salford[0] + salford[2]) / 2, 1);
    expect((y - (salford[1] + salford[3]) / 2) / unitsPerPixel(SEAT_MAX_ZOOM)).toBeCloseTo(175, 0);
  });

  it("reads a letterboxed SVG (meet) by its drawn part, not its box", () => {
    const map = { x: 0, y: 0, width: 400, height: 400 };
    // A viewBox twice as wide as high in a square element: drawn 400×200, 100 px from the top.
    const camera = cameraOfSvg([0, 0, 200, 100], map, map);
    const [x, y] = projectMercator(camera.lng, camera.lat);
    expect(x).toBeCloseTo(100, 6);
    expect(y).toBeCloseTo(50, 6);
    expect(camera.zoom).toBeCloseTo(Math.log2((2 * MERCATOR_SCALE) / 512), 9);
  });
});

describe("cameraSeats", () => {
  it.each<[string, { area: string | null; region: string | null }, number | null]>([
    ["a selected seat", { area: "E14000911", region: null }, 1],
    ["a seat of another boundary set", { area: "E14001470", region: null }, null],
    ["a region", { area: null, region: "london" }, 73],
    ["a nation", { area: null, region: "wales" }, 40],
    ["nothing", { area: null, region: null }, null],
    ["a seat before a region", { area: "W07000041", region: "london" }, 1],
  ])("frames %s", (_, view, count) => {
    const codes = cameraSeats(view, seats2010);
    expect(codes?.length ?? null).toBe(count);
    if (view.area && count) expect(codes).toEqual([view.area]);
  });
});
