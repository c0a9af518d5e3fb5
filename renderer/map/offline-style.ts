/**
 * Turns the offline style template (assets/map/style.json) into a style that needs no network:
 * its GeoJSON sources get their data inline and its `font-faces` point at bundled font files.
 * Pure, so the node tests check the very style the map gets.
 */
import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';

/** Inline GeoJSON, as a geojson source takes it. */
export type GeoJSONData = Exclude<GeoJSONSourceSpecification['data'], string>;

export type OfflineStyleParts = {
  /** The template, with relative paths where data and fonts go. */
  template: StyleSpecification;
  /** GeoJSON by the relative path the template names, e.g. "surakarta-boundaries.json". */
  data: Readonly<Record<string, GeoJSONData>>;
  /** Font file URLs by the relative path the template names, e.g. "fonts/…woff2". */
  fontUrls: Readonly<Record<string, string>>;
};

/** Inlines data and resolves font files; a path the parts do not cover is an error, never a fetch. */
export function resolveOfflineStyle({ template, data, fontUrls }: OfflineStyleParts): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const [id, source] of Object.entries(template.sources)) {
    if (source.type === 'geojson' && typeof source.data === 'string') {
      const inline = data[source.data];
      if (!inline) throw new Error(`offline style: no data for source "${id}" (${source.data})`);
      sources[id] = { ...source, data: inline };
    } else {
      sources[id] = source;
    }
  }
  const fontFaces: Record<string, string> = {};
  for (const [name, face] of Object.entries(template['font-faces'] ?? {})) {
    if (typeof face !== 'string') throw new Error(`offline style: font "${name}" must be one file path`);
    const url = fontUrls[face];
    if (!url) throw new Error(`offline style: no font file for "${name}" (${face})`);
    fontFaces[name] = url;
  }
  return { ...template, sources, 'font-faces': fontFaces };
}

export type HomeView = { center: [number, number]; zoom: number };

/** The city view the map starts in and returns to, from the template's metadata. */
export function homeViewOf(style: StyleSpecification, fallback: HomeView): HomeView {
  const metadata = style.metadata as { 'pantau:home'?: { center?: unknown; zoom?: unknown } } | undefined;
  const home = metadata?.['pantau:home'];
  const center = home?.center;
  if (Array.isArray(center) && center.length === 2 && center.every((n) => typeof n === 'number') && typeof home?.zoom === 'number') {
    return { center: [center[0] as number, center[1] as number], zoom: home.zoom };
  }
  return fallback;
}
