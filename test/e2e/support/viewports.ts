/** The five screens the map is laid out for: laptop, desktop, tablet, phone upright and phone sideways. */
export const LAYOUT_VIEWPORTS = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "desktop", width: 1440, height: 900 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "phone", width: 390, height: 844 },
  { name: "phone-landscape", width: 844, height: 390 },
] as const;
export type LayoutViewport = (typeof LAYOUT_VIEWPORTS)[number];

/** Phones are touch screens, where MapLibre waits for the first pan or zoom on the map. */
export const isTouch = ({ width, height }: LayoutViewport) => Math.min(width, height) < 500;

export const contextFor = (viewport: LayoutViewport) => ({
  viewport: { width: viewport.width, height: viewport.height },
  ...(isTouch(viewport) ? { isMobile: true, hasTouch: true } : {}),
});
