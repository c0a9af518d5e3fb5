/**
 * Translates the maplibre style dialect the map is written in into what mapbox-gl 3 accepts.
 * Pure (no DOM, no mapbox-gl), so node tests check exactly what mapbox-gl is given:
 * - `font-faces` (maplibre only): mapbox-gl draws every glyph itself from a CSS font family
 *   (its `localFontFamily` option), so the font files become FontFace entries of one family,
 *   and the style gets a `glyphs` URL it needs for validation but never fetches in that mode;
 * - `['global-state', key]` (maplibre only, the pins' fading): replaced by the current value,
 *   and the adapter re-applies the property when the value changes;
 * - `updateData` needs `dynamic: true` on a mapbox-gl GeoJSON source, and takes a
 *   FeatureCollection in which a feature with a null geometry removes that id; a clustered
 *   source cannot be dynamic (see mapboxGeoJSONSource), so it takes whole sets.
 */
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { SourceFeature } from './engine-map.js';

/** One font file registered under the local font family mapbox-gl draws labels with. */
export type LocalFontFace = { family: string; weight: string; url: string };

/** The CSS family mapbox-gl draws every label with (its `localFontFamily`). */
export const LOCAL_FONT_FAMILY = 'Pantau Map Font';

/**
 * mapbox-gl asks for a `glyphs` URL when a layer has text, but with `localFontFamily` it draws
 * every glyph itself and never requests one; a relative path keeps it off the network anyway.
 */
export const UNUSED_GLYPHS_URL = 'glyphs-unused/{fontstack}/{range}.pbf';

/** The CSS weight a font name stands for, the way mapbox-gl reads a font stack's name. */
export function weightOfFontName(name: string): string {
  if (/bold/i.test(name)) return '700';
  if (/medium/i.test(name)) return '500';
  if (/light/i.test(name)) return '300';
  return '400';
}

/** The style for mapbox-gl plus the font files to register first. A style with no font-faces keeps its own glyphs. */
export function mapboxStyleFrom(style: StyleSpecification): { style: StyleSpecification; fonts: LocalFontFace[] } {
  const { 'font-faces': fontFaces, ...rest } = style;
  const fonts: LocalFontFace[] = [];
  for (const [name, face] of Object.entries(fontFaces ?? {})) {
    const urls = typeof face === 'string' ? [face] : face.map((entry) => entry.url);
    for (const url of urls) fonts.push({ family: LOCAL_FONT_FAMILY, weight: weightOfFontName(name), url });
  }
  return { style: { ...rest, ...(rest.glyphs === undefined ? { glyphs: UNUSED_GLYPHS_URL } : {}) }, fonts };
}

/** Whether any part of a style value reads the map's global state. */
export function readsGlobalState(value: unknown): boolean {
  if (!Array.isArray(value)) return value !== null && typeof value === 'object' && Object.values(value).some(readsGlobalState);
  return value[0] === 'global-state' || value.some(readsGlobalState);
}

/**
 * The value with every `['global-state', key]` replaced by the state's value (null when unset,
 * as maplibre reads an unset key). Arrays and objects are wrapped in `literal` so they stay data.
 */
export function substituteGlobalState(value: unknown, state: Readonly<Record<string, unknown>>): unknown {
  if (Array.isArray(value)) {
    if (value[0] === 'global-state' && typeof value[1] === 'string') {
      const current = state[value[1]] ?? null;
      return current !== null && typeof current === 'object' ? ['literal', current] : current;
    }
    return value.map((item) => substituteGlobalState(item, state));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteGlobalState(item, state)]));
  }
  return value;
}

/** A layer whose paint, layout and filter read the given state values instead of global-state. */
export function withGlobalStateValues<L extends LayerSpecification>(layer: L, state: Readonly<Record<string, unknown>>): L {
  return readsGlobalState(layer) ? (substituteGlobalState(layer, state) as L) : layer;
}

/**
 * A GeoJSON source as mapbox-gl needs it for diff updates (`dynamic`), except a clustered one:
 * mapbox-gl 3.32 hands Supercluster its dynamic index's internal features (no GeoJSON
 * coordinates), so a dynamic clustered source draws nothing; it takes whole sets instead.
 */
export function mapboxGeoJSONSource(source: GeoJSONSourceSpecification): GeoJSONSourceSpecification & { dynamic?: true } {
  return canDiff(source) ? { ...source, dynamic: true } : source;
}

/** Whether mapbox-gl can take diffs (updateData) on this source; see mapboxGeoJSONSource. */
export function canDiff(source: GeoJSONSourceSpecification): boolean {
  return source.cluster !== true;
}

/** maplibre's `updateData({ add, remove })` as the FeatureCollection mapbox-gl's updateData takes. */
export function diffAsFeatureCollection(diff: { add?: SourceFeature[]; remove?: (string | number)[] }): { type: 'FeatureCollection'; features: SourceFeature[] } {
  // A null geometry is what mapbox-gl reads as "remove the feature with this id".
  const removals: SourceFeature[] = (diff.remove ?? []).map((id) => ({ type: 'Feature', id, properties: {}, geometry: null }));
  return { type: 'FeatureCollection', features: [...(diff.add ?? []), ...removals] };
}
