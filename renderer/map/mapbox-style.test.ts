import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import test from 'node:test';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { fadeOpacity, NOW_STATE_KEY } from './incident-fading.js';
import { incidentMapLayers, incidentSource, LAYER, plainSource, SOURCE } from './incident-layers.js';
import { mapOptionsFromSettings } from './map-options.js';
import {
  canDiff,
  diffAsFeatureCollection,
  LOCAL_FONT_FAMILY,
  mapboxGeoJSONSource,
  mapboxStyleFrom,
  readsGlobalState,
  substituteGlobalState,
  UNUSED_GLYPHS_URL,
  weightOfFontName,
  withGlobalStateValues,
} from './mapbox-style.js';
import { resolveOfflineStyle, type GeoJSONData } from './offline-style.js';
import { mapStringsFor } from './strings.js';

// mapbox-gl's own style-spec build: the translated style is checked by the engine that will draw it.
type MapboxExpression = { result: 'success' | 'error'; value: { evaluate(globals: { zoom: number }, feature: { type: 'Point'; properties: Record<string, unknown> }): unknown } };
const mapboxSpec = createRequire(import.meta.url)('mapbox-gl/dist/style-spec/index.cjs') as {
  validate(style: unknown): { message: string }[];
  expression: { createExpression(expression: unknown): MapboxExpression };
};

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../assets/map/${name}`, import.meta.url), 'utf8'));
const offline = resolveOfflineStyle({
  template: read('style.json') as StyleSpecification,
  data: { 'surakarta-boundaries.json': read('surakarta-boundaries.json') as GeoJSONData, 'surakarta-labels.json': read('surakarta-labels.json') as GeoJSONData },
  fontUrls: {
    'fonts/atkinson-hyperlegible-latin-400-normal.woff2': 'http://wall/assets/regular.woff2',
    'fonts/atkinson-hyperlegible-latin-700-normal.woff2': 'http://wall/assets/bold.woff2',
  },
});

test('for mapbox-gl the offline style loses font-faces, gains a never-fetched glyphs URL, and its fonts become one local family', () => {
  const { style, fonts } = mapboxStyleFrom(offline);
  assert.equal(style['font-faces'], undefined);
  assert.equal(style.glyphs, UNUSED_GLYPHS_URL);
  assert.ok(!/^(https?|mapbox):/.test(UNUSED_GLYPHS_URL), 'relative: not Mapbox, not another host');
  assert.deepEqual(fonts, [
    { family: LOCAL_FONT_FAMILY, weight: '400', url: 'http://wall/assets/regular.woff2' },
    { family: LOCAL_FONT_FAMILY, weight: '700', url: 'http://wall/assets/bold.woff2' },
  ]);
  assert.deepEqual(style.layers, offline.layers, 'the layers are drawn as they are');
  assert.deepEqual(style.sources, offline.sources, 'the data stays inline');
  // A provisioned style with its own glyph server keeps it.
  assert.equal(mapboxStyleFrom({ ...offline, 'font-faces': undefined, glyphs: 'https://tiles.example/fonts/{fontstack}/{range}.pbf' }).style.glyphs, 'https://tiles.example/fonts/{fontstack}/{range}.pbf');
  assert.deepEqual(['Atkinson Hyperlegible Regular', 'Atkinson Hyperlegible Bold', 'Open Sans Medium', 'Noto Light'].map(weightOfFontName), ['400', '700', '500', '300']);
});

test('the translated style with every incident layer is valid for mapbox-gl 3', () => {
  const { style } = mapboxStyleFrom(offline);
  const now = { [NOW_STATE_KEY]: 1_800_000_000 };
  const layers = incidentMapLayers(mapStringsFor('id')).map((layer) => withGlobalStateValues(layer, now));
  const withIncidents: StyleSpecification = {
    ...style,
    sources: {
      ...style.sources,
      [SOURCE.incidents]: mapboxGeoJSONSource(incidentSource(14, 48)),
      [SOURCE.cameras]: mapboxGeoJSONSource(plainSource()),
      [SOURCE.cones]: mapboxGeoJSONSource(plainSource()),
      [SOURCE.accidents]: mapboxGeoJSONSource(plainSource()),
    },
    layers: [...style.layers, ...layers],
  };
  assert.deepEqual(mapboxSpec.validate(withIncidents).map((error) => error.message), []);
  // Proof that the check can fail: the untranslated fading (global-state) is refused by mapbox-gl.
  const untranslated = { ...withIncidents, layers: [...style.layers, ...incidentMapLayers(mapStringsFor('id'))] };
  const refused = mapboxSpec.validate(untranslated).map((error) => error.message);
  assert.ok(refused.some((message) => /icon-opacity/.test(message)), `mapbox-gl has no global-state expression: ${refused.join('; ')}`);
});

test('the fading reads the clock as a value on mapbox-gl and fades exactly as on maplibre-gl', () => {
  const pins = incidentMapLayers(mapStringsFor('en')).find((layer) => layer.id === LAYER.pins) as LayerSpecification & { paint: Record<string, unknown> };
  assert.ok(readsGlobalState(pins));
  const nowSeconds = 1_800_000_000;
  const translated = withGlobalStateValues(pins, { [NOW_STATE_KEY]: nowSeconds }) as typeof pins;
  assert.equal(readsGlobalState(translated), false);
  assert.equal(readsGlobalState(pins), true, 'the layer given is left as it was');
  const parsed = mapboxSpec.expression.createExpression(translated.paint['icon-opacity']);
  assert.equal(parsed.result, 'success');
  for (const [ageMinutes, status] of [[0, 'new'], [45, 'dispatched'], [200, 'handled'], [600, 'closed']] as const) {
    const feature = { type: 'Point' as const, properties: { updatedAtS: nowSeconds - ageMinutes * 60, status } };
    const opacity = parsed.value.evaluate({ zoom: 14 }, feature) as number;
    assert.ok(Math.abs(opacity - fadeOpacity(ageMinutes, status)) < 1e-9, `${ageMinutes} min ${status}: ${opacity}`);
  }
});

test('global-state substitution: unset keys read null, objects stay data, other values untouched', () => {
  assert.deepEqual(substituteGlobalState(['+', ['global-state', 'a'], 1], { a: 2 }), ['+', 2, 1]);
  assert.deepEqual(substituteGlobalState(['coalesce', ['global-state', 'missing'], 0], {}), ['coalesce', null, 0]);
  assert.deepEqual(substituteGlobalState(['at', 0, ['global-state', 'list']], { list: [3, 4] }), ['at', 0, ['literal', [3, 4]]]);
  assert.deepEqual(substituteGlobalState({ 'circle-radius': 4 }, { a: 1 }), { 'circle-radius': 4 });
  assert.equal(readsGlobalState(['get', 'global-state']), false, 'only the expression operator counts');
});

test('a diff becomes one FeatureCollection: added features, and removals as null geometries', () => {
  const feature = { type: 'Feature' as const, id: 'inc-1', properties: { id: 'inc-1' }, geometry: { type: 'Point', coordinates: [110.8, -7.56] } };
  assert.deepEqual(diffAsFeatureCollection({ add: [feature], remove: ['inc-2'] }), {
    type: 'FeatureCollection',
    features: [feature, { type: 'Feature', id: 'inc-2', properties: {}, geometry: null }],
  });
  assert.deepEqual(diffAsFeatureCollection({}), { type: 'FeatureCollection', features: [] });
  assert.equal(mapboxGeoJSONSource(plainSource()).dynamic, true);
  // mapbox-gl 3.32 draws nothing from a dynamic clustered source: the incidents take whole sets.
  assert.equal(mapboxGeoJSONSource(incidentSource(14, 48)).dynamic, undefined);
  assert.equal(canDiff(incidentSource(14, 48)), false);
});

test('the snapshot map settings become IncidentMap options; absent ones leave the defaults', () => {
  assert.deepEqual(mapOptionsFromSettings(undefined), {});
  assert.deepEqual(mapOptionsFromSettings({ returnHomeAfterSeconds: 90, flyToCritical: false }), { returnHomeAfterMs: 90_000, flyToCritical: false });
  const token = 'pk.eyJ1IjoieCJ9.c2ln';
  assert.deepEqual(mapOptionsFromSettings({ styleUrl: 'https://tiles.example/style.json', home: { center: [110.8, -7.5], zoom: 13 }, mapboxAccessToken: token, focusZoom: 15 }), {
    styleUrl: 'https://tiles.example/style.json',
    home: { center: [110.8, -7.5], zoom: 13 },
    mapboxAccessToken: token,
    focusZoom: 15,
  });
});
