/**
 * The bundled offline base map: Vite inlines the style and the boundary data into the bundle
 * (no fetch, so it works from any scheme, app:// included) and emits the font files as assets.
 */
import type { StyleSpecification } from 'maplibre-gl';
import templateText from '../../assets/map/style.json?raw';
import boundariesText from '../../assets/map/surakarta-boundaries.json?raw';
import labelsText from '../../assets/map/surakarta-labels.json?raw';
import regularFontUrl from '../../assets/map/fonts/atkinson-hyperlegible-latin-400-normal.woff2?url';
import boldFontUrl from '../../assets/map/fonts/atkinson-hyperlegible-latin-700-normal.woff2?url';
import { resolveOfflineStyle, type GeoJSONData } from './offline-style.js';

/** Absolute, because maplibre fetches font files from its own code, not relative to the page's CSS. */
function absolute(url: string): string {
  return new URL(url, document.baseURI).href;
}

/** The offline style of Surakarta, ready for `new Map({ style })`. */
export function offlineStyle(): StyleSpecification {
  return resolveOfflineStyle({
    template: JSON.parse(templateText) as StyleSpecification,
    data: {
      'surakarta-boundaries.json': JSON.parse(boundariesText) as GeoJSONData,
      'surakarta-labels.json': JSON.parse(labelsText) as GeoJSONData,
    },
    fontUrls: {
      'fonts/atkinson-hyperlegible-latin-400-normal.woff2': absolute(regularFontUrl),
      'fonts/atkinson-hyperlegible-latin-700-normal.woff2': absolute(boldFontUrl),
    },
  });
}
