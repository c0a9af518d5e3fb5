/**
 * What a deployment can set about the incident map, with the demo's defaults.
 */
import type { MapSettings } from '../../protocol/map-settings.js';
import type { Language } from '../../protocol/screen-target.js';
import type { HomeView } from './offline-style.js';

export type IncidentMapOptions = {
  language: Language;
  /**
   * A provisioned style (the city's own tile server, a PMTiles archive behind a style JSON);
   * when absent the bundled offline style of Surakarta is used.
   */
  styleUrl?: string;
  /**
   * A Mapbox access token: only with an engine that can use it (see map-engine.ts); mapbox-gl
   * draws nothing without one, so without a token the map stays on maplibre-gl.
   */
  mapboxAccessToken?: string;
  /** The city view the map starts in and returns to; the style's own home when absent. */
  home?: HomeView;
  flyToCritical: boolean;
  returnHomeAfterMs: number;
  /** Zoom the map flies to for one incident. */
  focusZoom: number;
  /** Incidents group into clusters below this zoom (they are all apart above it). */
  clusterMaxZoom: number;
  clusterRadius: number;
  /** Changes arriving within this window are drawn together: one source update per window. */
  batchMs: number;
  /** GeoJSON of past accidents for the heatmap (GET /api/accident-history); none when absent. */
  accidentHistoryUrl?: string;
  /** No 'load' by then means the style or its tiles cannot be had: say so instead of staying blank. */
  startTimeoutMs: number;
  /**
   * Where WebGL is software (no GPU), the map moves at this fraction of its pixel ratio and is
   * drawn sharp again once still (motion-render-scale.ts); 1 keeps full resolution throughout.
   */
  softwareMotionScale: number;
};

export const DEFAULT_MAP_OPTIONS: IncidentMapOptions = {
  language: 'id',
  flyToCritical: true,
  returnHomeAfterMs: 60_000,
  focusZoom: 16,
  clusterMaxZoom: 14,
  clusterRadius: 48,
  // Short: while a batch is being drawn the next one gathers anyway (the updater's back-pressure).
  batchMs: 25,
  startTimeoutMs: 20_000,
  softwareMotionScale: 0.5,
};

/** The defaults overridden by what was given; undefined values do not override. */
export function mapOptionsWith(given: Partial<IncidentMapOptions> | undefined): IncidentMapOptions {
  const options: IncidentMapOptions = { ...DEFAULT_MAP_OPTIONS };
  for (const [key, value] of Object.entries(given ?? {})) {
    if (value !== undefined) (options as Record<string, unknown>)[key] = value;
  }
  return options;
}

/** The walls file's map section (from the snapshot) as IncidentMap options; what it leaves out stays at the defaults. */
export function mapOptionsFromSettings(settings: MapSettings | undefined): Partial<IncidentMapOptions> {
  if (!settings) return {};
  const options: Partial<IncidentMapOptions> = {};
  if (settings.styleUrl !== undefined) options.styleUrl = settings.styleUrl;
  if (settings.home !== undefined) options.home = settings.home;
  if (settings.mapboxAccessToken !== undefined) options.mapboxAccessToken = settings.mapboxAccessToken;
  if (settings.flyToCritical !== undefined) options.flyToCritical = settings.flyToCritical;
  if (settings.returnHomeAfterSeconds !== undefined) options.returnHomeAfterMs = settings.returnHomeAfterSeconds * 1000;
  if (settings.focusZoom !== undefined) options.focusZoom = settings.focusZoom;
  return options;
}
