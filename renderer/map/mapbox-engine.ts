/**
 * The mapbox-gl 3 engine: loaded only when a Mapbox token is provisioned (map-engine.ts imports
 * this module dynamically, so it and mapbox-gl are a chunk of their own). It gives IncidentMap the
 * same EngineMap surface maplibre-gl has, translating what mapbox-gl lacks (see mapbox-style.ts):
 * font-faces, global-state expressions, promise-returning source calls.
 *
 * Offline: mapbox-gl posts telemetry and a session check to Mapbox with the token. When those
 * requests fail (no network, or the CSP refuses them) the map keeps drawing; only an answer that
 * refuses the token (401) makes mapbox-gl clear the map, which `onFatal` reports in words.
 */
import mapboxgl from 'mapbox-gl';
import 'mapbox-gl/dist/mapbox-gl.css';
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { CameraMove, EngineGeoJSONSource, EngineInstance, EngineMap, FeatureQuery, LngLatTuple, RenderedFeature, ScreenPoint } from './engine-map.js';
import type { EngineStartOptions } from './map-engine.js';
import { canDiff, diffAsFeatureCollection, LOCAL_FONT_FAMILY, mapboxGeoJSONSource, mapboxStyleFrom, readsGlobalState, withGlobalStateValues, type LocalFontFace } from './mapbox-style.js';
import type { GeoJSONData } from './offline-style.js';

type MapboxMap = mapboxgl.Map;
// The two libraries share the style specification for everything the map uses (the unit tests
// validate the translated style against mapbox-gl's own spec); their TypeScript types differ only
// in name, so the translated values are handed over under mapbox-gl's types here, at one place.
type MapboxStyle = Exclude<NonNullable<ConstructorParameters<typeof mapboxgl.Map>[0]['style']>, string>;
type MapboxSource = Parameters<MapboxMap['addSource']>[1];
type MapboxLayer = Parameters<MapboxMap['addLayer']>[0];
type LayoutName = Parameters<MapboxMap['setLayoutProperty']>[1];
type PaintName = Parameters<MapboxMap['setPaintProperty']>[1];
type PaintValue = Parameters<MapboxMap['setPaintProperty']>[2];
type LayoutValue = Parameters<MapboxMap['setLayoutProperty']>[2];

/** Registers the style's font files under the local family and waits for them: mapbox-gl rasterises labels with whatever the page has. */
async function loadLocalFonts(fonts: readonly LocalFontFace[]): Promise<void> {
  await Promise.all(
    fonts.map(async ({ family, weight, url }) => {
      const face = new FontFace(family, `url(${JSON.stringify(url)})`, { weight });
      document.fonts.add(await face.load());
    }),
  );
}

/** Starts a mapbox-gl map with the given public token and wraps it as an EngineMap. */
export async function createMapboxMap(accessToken: string, options: EngineStartOptions): Promise<EngineInstance> {
  const given = options.style;
  let style: string | MapboxStyle;
  let localFontFamily: string | undefined;
  if (typeof given === 'string' || given === undefined) {
    style = given ?? 'mapbox://styles/mapbox/dark-v11';
  } else {
    const translated = mapboxStyleFrom(given);
    if (translated.fonts.length > 0) {
      await loadLocalFonts(translated.fonts);
      localFontFamily = LOCAL_FONT_FAMILY;
    }
    style = translated.style as unknown as MapboxStyle;
  }
  const center = options.center as LngLatTuple | undefined;
  const native = new mapboxgl.Map({
    container: options.container,
    style,
    accessToken,
    ...(center ? { center } : {}),
    ...(options.zoom !== undefined ? { zoom: options.zoom } : {}),
    ...(localFontFamily ? { localFontFamily } : {}),
    attributionControl: true,
    dragRotate: options.dragRotate !== false,
    pitchWithRotate: options.pitchWithRotate ?? true,
    maxPitch: options.maxPitch ?? 85,
    antialias: options.canvasContextAttributes?.antialias ?? false,
    ...(options.fadeDuration !== undefined ? { fadeDuration: options.fadeDuration } : {}),
    // The wall draws the flat city in Web Mercator, as maplibre does; mapbox-gl 3 would use a globe.
    projection: 'mercator',
  });
  const map = new MapboxEngineMap(native, options.onFatal);
  return {
    map,
    source: (id) => map.geoJSONSource(id),
    openPopup: (at, content, popupOptions) => new mapboxgl.Popup(popupOptions).setLngLat(at).setDOMContent(content).addTo(native),
  };
}

type TrackedLayer = { layer: LayerSpecification };

/** mapbox-gl's feature (a class with getters) as the plain GeoJSON shape the map code reads. */
function renderedFeature(feature: mapboxgl.GeoJSONFeature): RenderedFeature {
  // toJSON is mapbox-gl's own plain copy: id, properties and geometry.
  const plain = feature.toJSON() as { id?: string | number; properties?: RenderedFeature['properties']; geometry: RenderedFeature['geometry'] };
  return { id: plain.id, properties: plain.properties ?? null, geometry: plain.geometry };
}

/** A mapbox-gl Map seen through the EngineMap surface. */
class MapboxEngineMap implements EngineMap {
  readonly #map: MapboxMap;
  readonly #state: Record<string, unknown> = {};
  /** Layers whose properties read global state, re-applied when it changes. */
  readonly #stateful = new Map<string, TrackedLayer>();
  #loaded = false;
  /** Sources that cannot take diffs on mapbox-gl (clustered): updateData refuses, the updater sends the whole set. */
  readonly #wholeSetsOnly = new Set<string>();

  constructor(map: MapboxMap, onFatal: ((message: string) => void) | undefined) {
    this.#map = map;
    map.once('load', () => (this.#loaded = true));
    // mapbox-gl clears a map whose token Mapbox refused and fires this error; before 'load'
    // IncidentMap reports errors itself, after it the map would stay blank without this.
    map.on('error', (event: { error?: { message?: string } }) => {
      const message = event.error?.message ?? '';
      if (this.#loaded && /access token/i.test(message)) onFatal?.(message);
    });
  }

  on(type: string, layerOrListener: string | ((event: never) => void), listener?: (event: never) => void): this {
    if (typeof layerOrListener === 'string') this.#map.on(type, layerOrListener, listener as (event: unknown) => void);
    else this.#map.on(type, layerOrListener as (event: unknown) => void);
    return this;
  }

  off(type: string, layerOrListener: string | ((event: never) => void), listener?: (event: never) => void): this {
    if (typeof layerOrListener === 'string') this.#map.off(type, layerOrListener, listener as (event: unknown) => void);
    else this.#map.off(type, layerOrListener as (event: unknown) => void);
    return this;
  }

  once(type: 'idle' | 'load' | 'render' | 'moveend', listener: () => void): this {
    this.#map.once(type, listener);
    return this;
  }

  hasImage(name: string): boolean {
    return this.#map.hasImage(name);
  }

  addImage(name: string, image: ImageData, options: { pixelRatio: number }): void {
    this.#map.addImage(name, image, options);
  }

  addSource(id: string, source: GeoJSONSourceSpecification): void {
    if (!canDiff(source)) this.#wholeSetsOnly.add(id);
    this.#map.addSource(id, mapboxGeoJSONSource(source) as unknown as MapboxSource);
  }

  addLayer(layer: LayerSpecification): void {
    if (readsGlobalState(layer)) this.#stateful.set(layer.id, { layer });
    this.#map.addLayer(withGlobalStateValues(layer, this.#state) as unknown as MapboxLayer);
  }

  /** A GeoJSON source with maplibre's promise-returning calls. */
  geoJSONSource(id: string): EngineGeoJSONSource | undefined {
    const source = this.#map.getSource<mapboxgl.GeoJSONSource>(id);
    if (!source || source.type !== 'geojson') return undefined;
    return {
      setData: (data: GeoJSONData) => {
        source.setData(data);
        return Promise.resolve();
      },
      updateData: (diff) => {
        // A refusal is the updater's cue to send the whole set with setData (incident-source-updater.ts).
        if (this.#wholeSetsOnly.has(id)) return Promise.reject(new Error(`mapbox-gl cannot diff the clustered source "${id}"`));
        source.updateData(diffAsFeatureCollection(diff));
        return Promise.resolve();
      },
      getClusterExpansionZoom: (clusterId) =>
        new Promise<number>((resolve, reject) =>
          source.getClusterExpansionZoom(clusterId, (error, zoom) => (error || zoom === undefined || zoom === null ? reject(error ?? new Error('no zoom')) : resolve(zoom))),
        ),
    };
  }

  isSourceLoaded(id: string): boolean {
    return this.#map.isSourceLoaded(id);
  }

  setLayoutProperty(layerId: string, name: string, value: unknown): void {
    this.#map.setLayoutProperty(layerId, name as LayoutName, value as LayoutValue);
  }

  getLayoutProperty(layerId: string, name: string): unknown {
    return this.#map.getLayoutProperty(layerId, name as LayoutName);
  }

  /** maplibre's global state, emulated: the layers that read it get their properties again with the new value. */
  setGlobalStateProperty(name: string, value: unknown): void {
    this.#state[name] = value;
    for (const { layer } of this.#stateful.values()) {
      if (!this.#map.getLayer(layer.id)) continue;
      const current = withGlobalStateValues(layer, this.#state);
      for (const [property, propertyValue] of Object.entries(current.paint ?? {})) {
        if (readsGlobalState((layer.paint as Record<string, unknown> | undefined)?.[property])) this.#map.setPaintProperty(layer.id, property as PaintName, propertyValue as PaintValue);
      }
      for (const [property, propertyValue] of Object.entries(current.layout ?? {})) {
        if (readsGlobalState((layer.layout as Record<string, unknown> | undefined)?.[property])) this.#map.setLayoutProperty(layer.id, property as LayoutName, propertyValue as LayoutValue);
      }
      if ('filter' in layer && readsGlobalState(layer.filter) && 'filter' in current) this.#map.setFilter(layer.id, current.filter as Parameters<MapboxMap['setFilter']>[1]);
    }
  }

  flyTo(move: CameraMove): void {
    this.#map.flyTo(move);
  }

  easeTo(move: CameraMove): void {
    this.#map.easeTo(move);
  }

  jumpTo(move: CameraMove): void {
    this.#map.jumpTo(move);
  }

  getCenter(): { lng: number; lat: number; toArray(): number[] } {
    return this.#map.getCenter();
  }

  getZoom(): number {
    return this.#map.getZoom();
  }

  project(at: LngLatTuple): ScreenPoint {
    return this.#map.project(at);
  }

  queryRenderedFeatures(geometryOrQuery?: [LngLatTuple, LngLatTuple] | LngLatTuple | FeatureQuery, query?: FeatureQuery): RenderedFeature[] {
    const features = geometryOrQuery === undefined || !Array.isArray(geometryOrQuery) ? this.#map.queryRenderedFeatures(geometryOrQuery) : this.#map.queryRenderedFeatures(geometryOrQuery, query);
    return features.map(renderedFeature);
  }

  querySourceFeatures(sourceId: string): RenderedFeature[] {
    return this.#map.querySourceFeatures(sourceId).map(renderedFeature);
  }

  getCanvas(): HTMLCanvasElement {
    return this.#map.getCanvas();
  }

  triggerRepaint(): void {
    this.#map.triggerRepaint();
  }

  remove(): void {
    this.#map.remove();
  }
}
