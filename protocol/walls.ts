import { z } from 'zod';
import { CameraIdSchema, IdSchema } from './catalogue.js';

export const WallIdSchema = IdSchema;
export const ScreenIdSchema = IdSchema;

/** What a window shows; only `grid` exists in protocol v1. */
export const ScreenRoleSchema = z.enum(['grid']);
export type ScreenRole = z.infer<typeof ScreenRoleSchema>;

/** A regular grid; cameras fill it row by row, null leaves a tile blank. */
export const GridLayoutConfigSchema = z
  .strictObject({
    columns: z.number().int().min(1).max(8),
    rows: z.number().int().min(1).max(8),
    cameras: z.array(CameraIdSchema.nullable()),
  })
  .refine((layout) => layout.cameras.length <= layout.columns * layout.rows, {
    message: 'more cameras than tiles',
    path: ['cameras'],
  });

export const ScreenConfigSchema = z.strictObject({
  id: ScreenIdSchema,
  name: z.string().trim().min(1).max(80),
  role: ScreenRoleSchema,
  layout: GridLayoutConfigSchema,
});

export const WallConfigSchema = z.strictObject({
  id: WallIdSchema,
  name: z.string().trim().min(1).max(80),
  /** When given, a hello must carry one of these tokens. */
  tokens: z.array(z.string().min(16)).optional(),
  screens: z.array(ScreenConfigSchema).min(1),
});

/** The server's walls file: which walls exist and what each screen shows at start. */
export const WallsFileSchema = z.strictObject({
  walls: z.array(WallConfigSchema).min(1),
});
export type WallsFile = z.infer<typeof WallsFileSchema>;
export type WallConfig = z.infer<typeof WallConfigSchema>;
export type ScreenConfig = z.infer<typeof ScreenConfigSchema>;
