/**
 * The part of a map that IncidentMap, its source updater, the harness and the bench use: what any
 * engine must offer. maplibre-gl's own Map has it as it is (map-engine.ts checks that at compile
 * time); mapbox-gl gets it through an adapter (mapbox-engine.ts). Style vocabulary (sources,
 * layers) is maplibre's: an engine that speaks another dialect translates it.
 */
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { GeoJSONData } from './offline-style.js';

export type LngLatTuple = [number, number];
export type ScreenPoint = { x: number; y: number };
/** A feature as the engine reports it on screen; the geometry is GeoJSON. */
export type RenderedFeature = {
  id?: string | number | undefined;
  properties: { [name: string]: unknown } | null;
  geometry: { type: string; coordinates?: unknown };
};
/** A GeoJSON feature as a source takes it, keyed by its id. */
export type SourceFeature = { type: 'Feature'; id?: string | number | undefined; properties: unknown; geometry: unknown };
export type LayerPointerEvent = { features?: RenderedFeature[] | undefined };
export type CameraMove = { center: LngLatTuple; zoom: number; essential?: boolean; duration?: number };
export type FeatureQuery = { layers?: string[] };

/** The incident source's calls: whole replacement, diffs by feature id, cluster expansion. */
export interface EngineGeoJSONSource {
  setData(data: GeoJSONData): Promise<unknown>;
  updateData(diff: { add?: SourceFeature[]; remove?: (string | number)[] }): Promise<unknown>;
  getClusterExpansionZoom(clusterId: number): Promise<number>;
}

/** A pop-up open on the map (the camera pop-up), whatever the engine's Popup class is. */
export interface EnginePopup {
  on(type: 'close', listener: () => void): unknown;
  remove(): unknown;
}

export type EnginePopupOptions = { closeButton: boolean; maxWidth: string; offset: number };

export interface EngineMap {
  on(type: 'error', listener: (event: { error?: { message?: string } | undefined }) => void): unknown;
  on(type: 'load' | 'render' | 'idle' | 'moveend', listener: () => void): unknown;
  on(type: 'movestart', listener: (event: { originalEvent?: unknown }) => void): unknown;
  on(type: 'click' | 'mouseenter' | 'mouseleave', layerId: string, listener: (event: LayerPointerEvent) => void): unknown;
  off(type: 'render' | 'idle' | 'moveend', listener: () => void): unknown;
  off(type: 'movestart', listener: (event: { originalEvent?: unknown }) => void): unknown;
  off(type: 'click' | 'mouseenter' | 'mouseleave', layerId: string, listener: (event: LayerPointerEvent) => void): unknown;
  once(type: 'idle' | 'load' | 'render' | 'moveend', listener: () => void): unknown;
  hasImage(name: string): boolean;
  addImage(name: string, image: ImageData, options: { pixelRatio: number }): unknown;
  addSource(id: string, source: GeoJSONSourceSpecification): unknown;
  addLayer(layer: LayerSpecification): unknown;
  isSourceLoaded(id: string): boolean;
  setLayoutProperty(layerId: string, name: string, value: unknown): unknown;
  getLayoutProperty(layerId: string, name: string): unknown;
  setGlobalStateProperty(name: string, value: unknown): unknown;
  flyTo(move: CameraMove): unknown;
  easeTo(move: CameraMove): unknown;
  jumpTo(move: CameraMove): unknown;
  getCenter(): { lng: number; lat: number; toArray(): number[] };
  getZoom(): number;
  project(at: LngLatTuple): ScreenPoint;
  queryRenderedFeatures(geometryOrQuery?: [LngLatTuple, LngLatTuple] | LngLatTuple | FeatureQuery, query?: FeatureQuery): RenderedFeature[];
  querySourceFeatures(sourceId: string): RenderedFeature[];
  getCanvas(): HTMLCanvasElement;
  /** Draws at another pixel ratio (maplibre-gl; mapbox-gl fixes it at construction). */
  setPixelRatio?(ratio: number): unknown;
  getPixelRatio?(): number;
  triggerRepaint(): void;
  remove(): void;
}

/**
 * A started map, and what needs the engine's own classes: its GeoJSON sources (whose calls differ
 * between engines) and pop-ups.
 */
export type EngineInstance = {
  map: EngineMap;
  /** The GeoJSON source with this id, or undefined. */
  source(id: string): EngineGeoJSONSource | undefined;
  openPopup(at: LngLatTuple, content: HTMLElement, options: EnginePopupOptions): EnginePopup;
};
