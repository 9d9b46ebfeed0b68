import * as maplibregl from "maplibre-gl";

// MapLibre 6 is ESM-only; its worker must be served as its own module file by the bundler.
maplibregl.setWorkerUrl(new URL("maplibre-gl/dist/maplibre-gl-worker.mjs", import.meta.url).href);

export { maplibregl };
