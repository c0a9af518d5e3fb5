import { z } from 'zod';
import { CameraIdSchema, IdSchema } from './catalogue.js';
import { LayoutSchema } from './layout.js';

// Walls and screens use the shared id shape (see walls.ts); groups too.
const ScreenIdSchema = IdSchema;
const GroupIdSchema = IdSchema;

/** How many cameras each tile remembers for its back and forward keys. */
export const TILE_HISTORY_LENGTH = 8;

/** What a tile shows. A tour cycles its cameras, each for `dwellSeconds`, counted from `startedAt`. */
export const TileContentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('blank') }),
  z.strictObject({ kind: z.literal('camera'), cameraId: CameraIdSchema }),
  z.strictObject({
    kind: z.literal('tour'),
    cameraIds: z.array(CameraIdSchema).min(2).max(64),
    dwellSeconds: z.number().int().min(3).max(3600),
    startedAt: z.iso.datetime(),
  }),
  z.strictObject({ kind: z.literal('map') }),
  z.strictObject({ kind: z.literal('alerts') }),
  z.strictObject({ kind: z.literal('briefing') }),
]);
export type TileContent = z.infer<typeof TileContentSchema>;

export const TileStateSchema = z.strictObject({
  content: TileContentSchema,
  /** Cameras shown here before (newest last) and after (newest last) the current one. */
  back: z.array(CameraIdSchema).max(TILE_HISTORY_LENGTH),
  forward: z.array(CameraIdSchema).max(TILE_HISTORY_LENGTH),
});
export type TileState = z.infer<typeof TileStateSchema>;

/** A camera group shown page by page (e.g. "Dishub junctions", 30 cameras, 9 at a time). */
export const CameraGroupSchema = z.strictObject({
  id: GroupIdSchema,
  name: z.string().trim().min(1).max(80),
  cameraIds: z.array(CameraIdSchema).min(1).max(1000),
});
export type CameraGroup = z.infer<typeof CameraGroupSchema>;

/** One monitor of the wall: its layout, what each tile shows, and which tile fills the screen. */
export const ScreenStateSchema = z.strictObject({
  id: ScreenIdSchema,
  name: z.string(),
  /** Counts the changes of this screen; each one is kept in its history. */
  version: z.number().int().min(0),
  layout: LayoutSchema,
  tiles: z.array(TileStateSchema),
  maximisedTile: z.number().int().min(0).nullable(),
  /** The camera group paged through (all cameras when null) and the page shown. */
  paging: z.strictObject({ groupId: GroupIdSchema.nullable(), page: z.number().int().min(0) }),
});
export type ScreenState = z.infer<typeof ScreenStateSchema>;

/** A supervisor's pin: the camera stays on the screen (tileIndex null) or in that tile through every change. */
export const PinSchema = z.strictObject({
  screenId: ScreenIdSchema,
  cameraId: CameraIdSchema,
  tileIndex: z.number().int().min(0).nullable(),
  by: z.string(),
  at: z.iso.datetime(),
});
export type Pin = z.infer<typeof PinSchema>;

export const PresetScreenSchema = z.strictObject({
  layout: LayoutSchema,
  contents: z.array(TileContentSchema),
});
export type PresetScreen = z.infer<typeof PresetScreenSchema>;

export const PresetNumberSchema = z.number().int().min(1).max(99);

/** A named preset recalled by number: one screen's layout, or every screen of the wall. */
export const PresetSchema = z.strictObject({
  number: PresetNumberSchema,
  name: z.string().trim().min(1).max(80),
  scope: z.enum(['screen', 'wall']),
  /** For a screen preset, one entry under the key "screen"; for a wall preset, one per screen id. */
  screens: z.record(z.string(), PresetScreenSchema),
  version: z.number().int().min(1),
  updatedBy: z.string(),
  updatedAt: z.iso.datetime(),
});
export type Preset = z.infer<typeof PresetSchema>;

/** The briefing the wall presents: which incident of the list is shown; every briefing tile follows it. */
export const BriefingStateSchema = z.strictObject({
  incidentIds: z.array(z.string().max(128)).max(200),
  index: z.number().int().min(0),
});
export type BriefingState = z.infer<typeof BriefingStateSchema>;

/** The whole shared state of one wall, as the server holds it. */
export const WallStateSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  /** The number of the last change applied; every change increments it by one. */
  sequence: z.number().int().min(0),
  screens: z.array(ScreenStateSchema),
  presets: z.array(PresetSchema),
  pins: z.array(PinSchema),
  groups: z.array(CameraGroupSchema),
  briefing: BriefingStateSchema,
  /** The screen critical alerts push their nearest cameras to, if any. */
  alarmScreenId: ScreenIdSchema.nullable(),
});
export type WallState = z.infer<typeof WallStateSchema>;

/** The camera a tile shows now: its camera, or the tour's current stop at `now`. */
export function cameraShownAt(content: TileContent, now: number): string | null {
  if (content.kind === 'camera') return content.cameraId;
  if (content.kind !== 'tour') return null;
  const elapsed = Math.max(0, now - Date.parse(content.startedAt));
  const stop = Math.floor(elapsed / (content.dwellSeconds * 1000)) % content.cameraIds.length;
  return content.cameraIds[stop] ?? null;
}
