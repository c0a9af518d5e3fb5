import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { homeViewOf, resolveOfflineStyle, type GeoJSONData } from './offline-style.js';
import { incidentMapLayers } from './incident-layers.js';
import { mapStringsFor } from './strings.js';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../assets/map/${name}`, import.meta.url), 'utf8'));
const template = read('style.json') as StyleSpecification;
const parts = {
  template,
  data: { 'surakarta-boundaries.json': read('surakarta-boundaries.json') as GeoJSONData, 'surakarta-labels.json': read('surakarta-labels.json') as GeoJSONData },
  fontUrls: {
    'fonts/atkinson-hyperlegible-latin-400-normal.woff2': 'app://wall/assets/regular.woff2',
    'fonts/atkinson-hyperlegible-latin-700-normal.woff2': 'app://wall/assets/bold.woff2',
  },
};

test('the offline style is valid, fetches nothing but its fonts, and keeps the data attribution', () => {
  const style = resolveOfflineStyle(parts);
  assert.deepEqual(validateStyleMin(style), []);
  assert.equal(style.glyphs, undefined, 'no glyph server: labels come from font-faces');
  assert.equal(style.sprite, undefined);
  for (const source of Object.values(style.sources)) {
    assert.equal(source.type, 'geojson');
    assert.equal(typeof (source as { data: unknown }).data, 'object', 'data inline');
  }
  assert.equal((style.sources.boundaries as { attribution?: string }).attribution, 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT)');
  assert.deepEqual(Object.values(style['font-faces'] ?? {}), ['app://wall/assets/regular.woff2', 'app://wall/assets/bold.woff2']);
  const fonts = new Set(Object.keys(style['font-faces'] ?? {}));
  for (const layer of style.layers) {
    const textFont = (layer.layout as { 'text-font'?: string[] } | undefined)?.['text-font'];
    for (const font of textFont ?? []) assert.ok(fonts.has(font), `${layer.id} uses a bundled font`);
  }
});

test('the style draws the city, its 5 kecamatan and 54 kelurahan, and their names', () => {
  const boundaries = parts.data['surakarta-boundaries.json'] as { features: { properties: { level: string } }[] };
  const count = (level: string) => boundaries.features.filter((feature) => feature.properties.level === level).length;
  assert.deepEqual([count('kota'), count('kecamatan'), count('kelurahan')], [1, 5, 54]);
  const labels = parts.data['surakarta-labels.json'] as { features: unknown[] };
  assert.equal(labels.features.length, 60);
  const ids = template.layers.map((layer) => layer.id);
  for (const id of ['kecamatan-fill', 'kelurahan-line', 'kecamatan-line', 'kota-line', 'kelurahan-label', 'kecamatan-label', 'kota-label']) assert.ok(ids.includes(id), id);
  assert.deepEqual(homeViewOf(template, { center: [0, 0], zoom: 1 }).center, [110.8193, -7.5587]);
});

test('a path the parts do not cover is an error, not a fetch', () => {
  assert.throws(() => resolveOfflineStyle({ ...parts, data: {} }), /no data for source/);
  assert.throws(() => resolveOfflineStyle({ ...parts, fontUrls: {} }), /no font file/);
});

test('the incident layers are valid style layers over the offline style', () => {
  const style = resolveOfflineStyle(parts);
  const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
  const withLayers: StyleSpecification = {
    ...style,
    sources: { ...style.sources, 'pantau-incidents': { ...empty, cluster: true }, 'pantau-cameras': empty, 'pantau-camera-cones': empty, 'pantau-accident-history': empty },
    layers: [...style.layers, ...incidentMapLayers(mapStringsFor('id'))],
  };
  assert.deepEqual(validateStyleMin(withLayers), []);
});
