import { z } from 'zod';

/** Agencies whose cameras share the wall: police, the transport office (Dishub), the city. */
export const AgencySchema = z.enum(['police', 'transport', 'city']);
export type Agency = z.infer<typeof AgencySchema>;

/** The shape of every id in the protocol (camera, wall, screen): safe in URLs, paths and stream keys. */
export const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1-64 lower-case letters, digits or dashes');

export const CameraIdSchema = IdSchema;

const STREAM_URL_PROTOCOLS = ['ws:', 'wss:', 'http:', 'https:'];

function isStreamUrl(value: string): boolean {
  if (value.startsWith('/')) return !value.startsWith('//');
  try {
    return STREAM_URL_PROTOCOLS.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * A stream address as written in a catalogue: absolute (ws, wss, http, https) or a path
 * beginning with "/" that the server resolves against its own media server.
 */
export const CatalogueStreamUrlSchema = z
  .string()
  .refine(isStreamUrl, 'must be a ws://, wss://, http:// or https:// URL, or a path starting with /');

export const LocationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

/** Where a fixed camera looks: compass bearing of the view's centre, its width, and how far it sees. */
export const CameraViewSchema = z.strictObject({
  bearing: z.number().min(0).max(360),
  fieldOfView: z.number().min(1).max(360),
  rangeMetres: z.number().min(1).max(5000),
});
export type CameraView = z.infer<typeof CameraViewSchema>;

/** An ONVIF device service address and its credentials, as the server's catalogue holds them. */
export const OnvifConfigSchema = z.strictObject({
  /** The device service, e.g. http://10.20.0.31/onvif/device_service. */
  url: z.url({ protocol: /^https?$/ }),
  // The onvif package writes these into its SOAP envelopes unescaped: refuse markup characters.
  username: z.string().max(128).regex(/^[^<>&"']*$/, 'must not contain < > & " or \''),
  password: z.string().max(256),
  /** The media profile whose PTZ configuration is driven; the camera's first profile when absent. */
  profileToken: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 letters, digits or _ . : -').optional(),
});
export type OnvifConfig = z.infer<typeof OnvifConfigSchema>;

const cameraFields = {
  id: CameraIdSchema,
  name: z.string().trim().min(1).max(80),
  location: LocationSchema,
  agency: AgencySchema,
  ptz: z.boolean(),
  view: CameraViewSchema.optional(),
};

/** One camera as a catalogue file describes it. */
export const CatalogueCameraSchema = z.strictObject({
  ...cameraFields,
  /** The number operators type on the keypad; when absent, the camera's position in the file (from 1). */
  number: z.number().int().min(1).max(99999).optional(),
  streams: z.strictObject({ main: CatalogueStreamUrlSchema, sub: CatalogueStreamUrlSchema.optional() }),
  /**
   * Published by the server's own simulator: `clip` loops a cached clip (demo cameras), `clock`
   * is encoded live with the wall-clock time coded into every frame (latency measurement),
   * `ptz` is rendered live as a view over a synthetic city that pan, tilt and zoom move.
   */
  simulated: z.enum(['clip', 'clock', 'ptz']).optional(),
  /** Server only: how the server reaches the camera's ONVIF PTZ service. Never sent to clients. */
  onvif: OnvifConfigSchema.optional(),
});
export type CatalogueCamera = z.infer<typeof CatalogueCameraSchema>;

/** The camera catalogue file. Camera ids are unique. */
export const CatalogueFileSchema = z
  .strictObject({
    cameras: z.array(CatalogueCameraSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    const numbers = new Set<number>();
    file.cameras.forEach((camera, index) => {
      if (seen.has(camera.id)) {
        ctx.addIssue({ code: 'custom', path: ['cameras', index, 'id'], message: `duplicate camera id "${camera.id}"` });
      }
      seen.add(camera.id);
      const number = camera.number ?? index + 1;
      if (numbers.has(number)) {
        ctx.addIssue({ code: 'custom', path: ['cameras', index, 'number'], message: `duplicate camera number ${number}` });
      }
      numbers.add(number);
    });
  });
export type CatalogueFile = z.infer<typeof CatalogueFileSchema>;

/** A camera as a client receives it: every stream URL absolute and ready to play. */
export const CameraSchema = z.object({
  ...cameraFields,
  number: z.number().int().min(1),
  streams: z.object({ main: z.url(), sub: z.url().optional() }),
});
export type Camera = z.infer<typeof CameraSchema>;
