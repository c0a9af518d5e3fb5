/**
 * The incident map's deployment-wide settings, as IT writes them once in the server's walls file
 * (`map`) and the server hands them to every screen with its snapshot: the base style, the home
 * view, an optional Mapbox public token, and the fly-to behaviour. Plain zod: no DOM, no Node.
 */
import { z } from 'zod';
import { ConnectOriginSchema } from './connect-origin.js';

/**
 * Mapbox's browser-facing API origins: styles, tiles, glyphs and sprites (api), its other tile
 * hosts, and the telemetry mapbox-gl posts to (events). Allowed only where a token is provisioned.
 */
export const MAPBOX_CONNECT_ORIGINS: readonly string[] = ['https://api.mapbox.com', 'https://a.tiles.mapbox.com', 'https://b.tiles.mapbox.com', 'https://events.mapbox.com'];

/**
 * A Mapbox public token (pk.*). A secret token (sk.*) would be readable by anyone at the wall, so
 * it is refused by name. Messages never repeat the value: validation errors end up in logs.
 */
export const MapboxAccessTokenSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((token) => !token.startsWith('sk.'), 'is a secret token (sk.*): give the public token (pk.*) from the Mapbox account page; a secret token must never reach a browser')
  .refine((token) => token.startsWith('sk.') || /^pk\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token), 'must be a Mapbox public token: pk. followed by two dot-separated parts');

/** A style JSON on a tile server (http or https), or `mapbox://styles/...` with a Mapbox token. */
const StyleUrlSchema = z.url({ protocol: /^(https?|mapbox)$/ }).max(2048);

export const MapHomeSchema = z.strictObject({
  /** [longitude, latitude] in degrees. */
  center: z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)]),
  zoom: z.number().min(0).max(22),
});

export const MapSettingsSchema = z
  .strictObject({
    /** The city's own style (e.g. its tile server, or a style whose source is a PMTiles archive); the bundled offline style when absent. */
    styleUrl: StyleUrlSchema.optional(),
    /** Where the map starts and returns to; the offline style's own home when absent. */
    home: MapHomeSchema.optional(),
    /** With it the map runs on mapbox-gl; without it on maplibre-gl. */
    mapboxAccessToken: MapboxAccessTokenSchema.optional(),
    /** More origins the style's tiles, glyphs or archives come from, when not the style's own. */
    connectOrigins: z.array(ConnectOriginSchema).max(16).optional(),
    /** Whether a new critical incident flies the map to it. */
    flyToCritical: z.boolean().optional(),
    /** Seconds after a fly-to before the map returns home. */
    returnHomeAfterSeconds: z.number().int().min(5).max(3600).optional(),
    /** The zoom the map flies to for one incident. */
    focusZoom: z.number().min(10).max(20).optional(),
  })
  .superRefine((settings, context) => {
    if (settings.styleUrl?.startsWith('mapbox:') && settings.mapboxAccessToken === undefined) {
      context.addIssue({ code: 'custom', path: ['styleUrl'], message: 'a mapbox:// style needs mapboxAccessToken' });
    }
  });
export type MapSettings = z.infer<typeof MapSettingsSchema>;
export type MapHome = z.infer<typeof MapHomeSchema>;

/** The origins a wall page must reach for these map settings: the style's, the extra ones, and Mapbox's only with a token. */
export function mapConnectOrigins(settings: MapSettings | undefined): string[] {
  if (!settings) return [];
  const origins: string[] = [];
  if (settings.styleUrl && /^https?:/.test(settings.styleUrl)) origins.push(new URL(settings.styleUrl).origin);
  origins.push(...(settings.connectOrigins ?? []));
  if (settings.mapboxAccessToken !== undefined) origins.push(...MAPBOX_CONNECT_ORIGINS);
  return [...new Set(origins)];
}

/** One line for the server's log saying which map the screens get; it never contains the token. */
export function describeMapSettings(settings: MapSettings | undefined): string {
  const engine = settings?.mapboxAccessToken === undefined ? 'maplibre-gl' : 'mapbox-gl (a Mapbox public token is provisioned)';
  const style = settings?.styleUrl === undefined ? 'the bundled offline style' : `style ${settings.styleUrl.split('?')[0] ?? ''}`;
  return `map: ${engine}, ${style}`;
}
