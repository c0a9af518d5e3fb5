import { z } from 'zod';
import { CameraIdSchema, IdSchema } from './catalogue.js';
import { CellSchema, TemplateNameSchema } from './layout.js';
import { MapSettingsSchema } from './map-settings.js';
import { CameraGroupSchema, TileContentSchema } from './wall-state.js';

export const WallIdSchema = IdSchema;
export const ScreenIdSchema = IdSchema;

/**
 * A screen's layout at start: a template name ("3x3", "1+5"), or a grid of `columns` x `rows`
 * whose `cells` (when given) may span several; without cells every grid position is a tile.
 */
export const LayoutConfigSchema = z.union([
  TemplateNameSchema,
  z.strictObject({
    columns: z.number().int().min(1).max(12),
    rows: z.number().int().min(1).max(12),
    cells: z.array(CellSchema).min(1).max(36).optional(),
    /** Shorthand for the screen's `cameras`, kept for walls files of the first version. */
    cameras: z.array(CameraIdSchema.nullable()).optional(),
  }),
]);
export type LayoutConfig = z.infer<typeof LayoutConfigSchema>;

export const ScreenConfigSchema = z.strictObject({
  id: ScreenIdSchema,
  name: z.string().trim().min(1).max(80),
  /** Accepted for walls files of the first version; every screen is a grid of tiles now. */
  role: z.literal('grid').optional(),
  layout: LayoutConfigSchema,
  /** Cameras for the tiles in order; null leaves a tile blank. */
  cameras: z.array(CameraIdSchema.nullable()).optional(),
  /** Tile contents in order (map, alerts, tours...); overrides `cameras`. */
  tiles: z.array(TileContentSchema).optional(),
});

export const WallConfigSchema = z.strictObject({
  id: WallIdSchema,
  name: z.string().trim().min(1).max(80),
  screens: z.array(ScreenConfigSchema).min(1).max(16),
  groups: z.array(CameraGroupSchema).max(200).default([]),
  /** The screen critical alerts push their nearest cameras to. */
  alarmScreen: ScreenIdSchema.optional(),
});

/** The server's walls file: which walls exist and what each screen shows when the wall is first created. */
export const WallsFileSchema = z.strictObject({
  walls: z.array(WallConfigSchema).min(1),
  /** The incident map of every wall and screen (style, home, Mapbox token): set once here. */
  map: MapSettingsSchema.optional(),
});
export type WallsFile = z.infer<typeof WallsFileSchema>;
export type WallConfig = z.infer<typeof WallConfigSchema>;
export type ScreenConfig = z.infer<typeof ScreenConfigSchema>;
