import type { Map as MapLibreMap } from "maplibre-gl";

declare global {
  interface Window {
    /** The app exposes its MapLibre map so browser tests can project points and read the camera. */
    petitionAtlasMap?: MapLibreMap;
  }
}
