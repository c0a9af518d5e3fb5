import { z } from 'zod';
import { CameraIdSchema, CameraSchema } from './catalogue.js';
import { ScreenIdSchema, ScreenRoleSchema, WallIdSchema } from './walls.js';

export const TileSchema = z.object({
  /** Position in the grid, row by row from 0. */
  index: z.number().int().min(0),
  cameraId: CameraIdSchema.nullable(),
});
export type Tile = z.infer<typeof TileSchema>;

export const GridLayoutSchema = z.object({
  columns: z.number().int().min(1).max(8),
  rows: z.number().int().min(1).max(8),
  tiles: z.array(TileSchema),
});
export type GridLayout = z.infer<typeof GridLayoutSchema>;

/** Everything one screen needs to draw itself, complete in one message. */
export const SnapshotSchema = z.object({
  protocolVersion: z.number().int(),
  /** Position in the server's change history at the time of the snapshot. */
  sequence: z.number().int().min(0),
  serverTime: z.iso.datetime(),
  wall: z.object({ id: WallIdSchema, name: z.string() }),
  screen: z.object({ id: ScreenIdSchema, name: z.string(), role: ScreenRoleSchema }),
  layout: GridLayoutSchema,
  /** The cameras the layout refers to, with playable stream URLs. */
  cameras: z.array(CameraSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
