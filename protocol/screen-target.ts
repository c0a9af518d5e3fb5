import { z } from 'zod';
import { ScreenIdSchema, WallIdSchema } from './walls.js';

export const LanguageSchema = z.enum(['id', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** Which screen a window shows and where its server is; given by the URL or the Electron bridge. */
export const ScreenTargetSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/ }),
  wallId: WallIdSchema,
  screenId: ScreenIdSchema,
  language: LanguageSchema,
  token: z.string().max(512).nullable(),
});
export type ScreenTarget = z.infer<typeof ScreenTargetSchema>;
