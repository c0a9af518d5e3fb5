/**
 * Where the map library is chosen and started. maplibre-gl is the engine: it renders offline.
 * mapbox-gl is a seam, not a dependency: it draws a blank map without an access token (measured),
 * so a deployment that holds a token supplies an engine of its own (see docs/map.md) through
 * IncidentMap's `engine` prop; it must return an object with the maplibre Map surface we use.
 */
import { Map as MapLibreMap, setWorkerUrl, type MapOptions } from 'maplibre-gl';
// The worker as a file of the bundle: maplibre 6 derives its worker's address from its own module
// URL, which points nowhere once Vite has bundled it, and not at all under app:// (only http(s)).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

export type MapEngine = {
  name: string;
  /** Why this engine cannot run here, in a word the UI translates; null when it can. */
  problem(): 'no-webgl2' | null;
  create(options: MapOptions): MapLibreMap;
};

let workerConfigured = false;

/** Whether the page can make a WebGL2 context, which maplibre-gl 6 requires. */
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
    return new MapLibreMap(options);
  },
};
