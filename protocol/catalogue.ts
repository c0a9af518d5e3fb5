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

const cameraFields = {
  id: CameraIdSchema,
  name: z.string().trim().min(1).max(80),
  location: LocationSchema,
  agency: AgencySchema,
  ptz: z.boolean(),
};

/** One camera as a catalogue file describes it. */
export const CatalogueCameraSchema = z.strictObject({
  ...cameraFields,
  streams: z.strictObject({ main: CatalogueStreamUrlSchema, sub: CatalogueStreamUrlSchema.optional() }),
  /**
   * Published by the server's own simulator: `clip` loops a cached clip (demo cameras), `clock`
   * is encoded live with the wall-clock time coded into every frame (latency measurement).
   */
  simulated: z.enum(['clip', 'clock']).optional(),
});
export type CatalogueCamera = z.infer<typeof CatalogueCameraSchema>;

/** The camera catalogue file. Camera ids are unique. */
export const CatalogueFileSchema = z
  .strictObject({
    cameras: z.array(CatalogueCameraSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.cameras.forEach((camera, index) => {
      if (seen.has(camera.id)) {
        ctx.addIssue({ code: 'custom', path: ['cameras', index, 'id'], message: `duplicate camera id "${camera.id}"` });
      }
      seen.add(camera.id);
    });
  });
export type CatalogueFile = z.infer<typeof CatalogueFileSchema>;

/** A camera as a client receives it: every stream URL absolute and ready to play. */
export const CameraSchema = z.object({
  ...cameraFields,
  streams: z.object({ main: z.url(), sub: z.url().optional() }),
});
export type Camera = z.infer<typeof CameraSchema>;
