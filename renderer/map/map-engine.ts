/**
 * Where the map library is chosen and started. maplibre-gl is the default engine: it renders
 * offline. mapbox-gl is used only when the deployment provisions a Mapbox token
 * (`engineFor`); it is loaded then, with a dynamic import, so no other screen downloads it.
 */
import { Map as MapLibreMap, Popup, setWorkerUrl, type GeoJSONSource, type MapOptions } from 'maplibre-gl';
// The worker as a file of the bundle: maplibre 6 derives its worker's address from its own module
// URL, which points nowhere once Vite has bundled it, and not at all under app:// (only http(s)).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { EngineInstance, EngineMap } from './engine-map.js';

/** What IncidentMap asks of an engine when it starts a map; `onFatal` reports a map that broke after its start. */
export type EngineStartOptions = MapOptions & { onFatal?: (message: string) => void };

export type MapEngine = {
  name: string;
  /** Why this engine cannot run here, in a word the UI translates; null when it can. */
  problem(): 'no-webgl2' | null;
  /** Starts a map; rejects when the engine cannot be loaded or the map not made. */
  create(options: EngineStartOptions): Promise<EngineInstance>;
};

let workerConfigured = false;

/** Whether the page can make a WebGL2 context, which maplibre-gl 6 and mapbox-gl 3 both require. */
export function hasWebGL2(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/** maplibre-gl with its worker served from the bundle, resolved against the page (any scheme). */
export const maplibreEngine: MapEngine = {
  name: 'maplibre-gl',
  problem: () => (hasWebGL2() ? null : 'no-webgl2'),
  create(options) {
    if (!workerConfigured) {
      setWorkerUrl(new URL(workerUrl, document.baseURI).href);
      workerConfigured = true;
    }
    // maplibre keeps drawing once loaded whatever the network does: nothing for onFatal to report.
    const { onFatal, ...mapOptions } = options;
    void onFatal;
    const native = new MapLibreMap(mapOptions);
    // maplibre's Map is the engine surface as it is: this assignment is the compile-time check.
    const map: EngineMap = native;
    return Promise.resolve({
      map,
      source: (id) => native.getSource<GeoJSONSource>(id),
      openPopup: (at, content, popupOptions) => new Popup(popupOptions).setLngLat(at).setDOMContent(content).addTo(native),
    });
  },
};

const mapboxEngines = new Map<string, MapEngine>();

/**
 * The engine for a deployment: mapbox-gl when a Mapbox token is provisioned (one engine per
 * token, so React sees the same object and does not restart the map), maplibre-gl otherwise.
 */
export function engineFor(mapboxAccessToken: string | undefined): MapEngine {
  if (mapboxAccessToken === undefined) return maplibreEngine;
  let engine = mapboxEngines.get(mapboxAccessToken);
  if (!engine) {
    engine = lazyMapboxEngine(mapboxAccessToken);
    mapboxEngines.set(mapboxAccessToken, engine);
  }
  return engine;
}

/** mapbox-gl behind a dynamic import: its own chunk, fetched the first time a map starts on it. */
function lazyMapboxEngine(accessToken: string): MapEngine {
  return {
    name: 'mapbox-gl',
    problem: () => (hasWebGL2() ? null : 'no-webgl2'),
    async create(options) {
      const { createMapboxMap } = await import('./mapbox-engine.js');
      return createMapboxMap(accessToken, options);
    },
  };
}
