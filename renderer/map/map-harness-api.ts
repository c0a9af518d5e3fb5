/**
 * What the map harness page (map-harness.tsx) exposes on `window` to e2e tests and the bench.
 */
import type { Camera } from '../../protocol/catalogue.js';
import type { Incident } from '../../protocol/incidents.js';
import type { EngineMap } from './engine-map.js';
import type { BatchDrawn } from './incident-source-updater.js';

export type MapHarness = {
  setIncidents(incidents: Incident[]): void;
  setCameras(cameras: Camera[]): void;
  setHeatmap(visible: boolean): void;
  setFocus(incidentId: string | null): void;
  /** The map once ready. */
  map: EngineMap | null;
  /** The engine that drew it once ready: "maplibre-gl" or "mapbox-gl". */
  engine: string | null;
  /** Every batch the map reported drawn, in order. */
  drawn: BatchDrawn[];
  /** Camera actions the pop-up asked for, e.g. "send:cam-1:screen-1-tile-1". */
  actions: string[];
};

declare global {
  interface Window {
    pantauMapHarness: MapHarness;
  }
}
