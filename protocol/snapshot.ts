import { z } from 'zod';
import { CameraSchema } from './catalogue.js';
import { RoleSchema } from './auth.js';
import { MapSettingsSchema } from './map-settings.js';
import { WallStateSchema } from './wall-state.js';

/** Who the server says this client is, and what its role lets the UI offer. */
export const SessionInfoSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** True when this principal may change this wall's screens (operator on an assigned wall, or supervisor). */
  mayOperate: z.boolean(),
  workstationId: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** Everything a wall client needs to draw any screen of its wall, complete in one message. */
export const SnapshotSchema = z.object({
  protocolVersion: z.number().int(),
  /** Identifies the server's store: sequences from another store cannot be caught up. */
  epoch: z.string(),
  serverTime: z.iso.datetime(),
  /** The screen this client shows. */
  screenId: z.string(),
  wall: WallStateSchema,
  /** Every camera of the catalogue, with playable stream URLs (for search and keypad numbers). */
  cameras: z.array(CameraSchema),
  /** The deployment's map settings from the walls file; absent: the bundled offline map on maplibre-gl. */
  map: MapSettingsSchema.optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
