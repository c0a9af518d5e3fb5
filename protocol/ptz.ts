import { z } from 'zod';
import { RoleSchema } from './auth.js';
import { CameraIdSchema } from './catalogue.js';
import { ProtocolErrorSchema } from './errors.js';

/** Socket.io event names of the PTZ channel. */
export const PTZ_EVENTS = {
  /** client -> server: a PtzCommand, acknowledged with a PtzReply. */
  command: 'ptz:command',
  /** client -> server: no payload, acknowledged with a PtzLocksReply (every camera someone holds or moves). */
  locks: 'ptz:locks',
  /** server -> every client: a PtzLockState whenever a camera's holder or move changes. */
  state: 'ptz:state',
} as const;

/**
 * The speed a client asks for, per axis, -1..1: pan right and tilt up are positive, zoom in is
 * positive. ONVIF ContinuousMove takes the same generic velocity space.
 */
export const VelocitySchema = z.number().min(-1).max(1);

export const PtzVelocitySchema = z.strictObject({
  pan: VelocitySchema,
  tilt: VelocitySchema,
  zoom: VelocitySchema,
});
export type PtzVelocity = z.infer<typeof PtzVelocitySchema>;

/** The preset slots an operator reaches from the keyboard. */
export const PtzPresetSchema = z.number().int().min(1).max(9);

/**
 * How often a client repeats a held move, and how long the server waits for a repeat before it
 * stops the camera itself (the dead-man): a client that crashes or loses its link cannot leave a
 * camera turning.
 */
export const PTZ_REFRESH_MS = 250;
export const PTZ_DEAD_MAN_MS = 1000;

const camera = { cameraId: CameraIdSchema };

/** What a client asks of a PTZ camera. Moves, presets and home take the camera's lock when it is free. */
export const PtzCommandSchema = z.discriminatedUnion('type', [
  /** Start or keep up a continuous move; repeat it every PTZ_REFRESH_MS while the key is held. */
  z.strictObject({ type: z.literal('move'), ...camera, ...PtzVelocitySchema.shape }),
  z.strictObject({ type: z.literal('stop'), ...camera }),
  z.strictObject({ type: z.literal('goto-preset'), ...camera, preset: PtzPresetSchema }),
  /** Supervisors only: stores the camera's current position in a preset slot. */
  z.strictObject({ type: z.literal('save-preset'), ...camera, preset: PtzPresetSchema }),
  z.strictObject({ type: z.literal('home'), ...camera }),
  z.strictObject({ type: z.literal('acquire'), ...camera }),
  z.strictObject({ type: z.literal('release'), ...camera }),
  /** Supervisors only: takes the lock from whoever holds it, stopping their move. */
  z.strictObject({ type: z.literal('take-over'), ...camera }),
]);
export type PtzCommand = z.infer<typeof PtzCommandSchema>;
export type PtzCommandType = PtzCommand['type'];

/** Who holds a camera's lock, as everyone on the wall sees it. */
export const PtzHolderSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: RoleSchema,
});
export type PtzHolder = z.infer<typeof PtzHolderSchema>;

/** A camera's control state: who holds it since when, and the move in progress (null when still). */
export const PtzLockStateSchema = z.object({
  cameraId: CameraIdSchema,
  holder: PtzHolderSchema.nullable(),
  since: z.iso.datetime().nullable(),
  moving: PtzVelocitySchema.nullable(),
});
export type PtzLockState = z.infer<typeof PtzLockStateSchema>;

/** The acknowledgement of a PtzCommand: the camera's state after it, or why nothing was done. */
export const PtzReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), state: PtzLockStateSchema }),
  z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
]);
export type PtzReply = z.infer<typeof PtzReplySchema>;

export const PtzLocksReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), states: z.array(PtzLockStateSchema) }),
  z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
]);
export type PtzLocksReply = z.infer<typeof PtzLocksReplySchema>;

/** A still camera's velocity. */
export const PTZ_STILL: PtzVelocity = { pan: 0, tilt: 0, zoom: 0 };

/** True when a velocity moves no axis. */
export function isStill(velocity: PtzVelocity): boolean {
  return velocity.pan === 0 && velocity.tilt === 0 && velocity.zoom === 0;
}
