import { escapeMarkup } from "@/lib/markup";

/** One seat as the SVG map draws it. */
export interface SeatShape {
  code: string;
  /**
   * The seat's accessible name, or none where the markup is hidden from assistive technology until the browser
   * names the seats itself (the petition map's SVG: its names are in the page's rows already).
   */
  name?: string;
  /** The seat's own view: where a click goes without JavaScript. */
  href: string;
  fill: string;
  /** Path data in Mercator units. */
  d: string;
}

/** The id of a seat's path in the SVG map, which the selection outline refers to. */
export function seatPathId(code: string): string {
  return `seat-${code}`;
}

/**
 * The SVG map's seats as markup: per seat, a link to its view, coloured with its fill, around its path. A string,
 * so the server sends 650 seats without React rendering or hydrating them, and the browser draws them in one
 * element each plus its link (the fill is on the link so a <use> of the path can outline it unfilled).
 */
export function seatLinksMarkup(seats: Iterable<SeatShape>): string {
  let markup = "";
  for (const { code, name, href, fill, d } of seats) {
    const label = name === undefined ? "" : ` aria-label="${escapeMarkup(name)}"`;
    markup +=
      `<a data-code="${escapeMarkup(code)}" href="${escapeMarkup(href)}"${label} tabindex="-1"` +
      ` fill="${escapeMarkup(fill)}"><path id="${escapeMarkup(seatPathId(code))}" d="${escapeMarkup(d)}"/></a>`;
  }
  return markup;
}
