import { z } from 'zod';
import { ScreenIdSchema, WallIdSchema } from './walls.js';

export const LanguageSchema = z.enum(['id', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** An IANA time zone name (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) that this runtime knows. */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Jakarta');

/** Which screen a window shows and where its server is; given by the URL or the Electron bridge. */
export const ScreenTargetSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/ }),
  wallId: WallIdSchema,
  screenId: ScreenIdSchema,
  language: LanguageSchema,
  token: z.string().max(512).nullable(),
  /** The time zone of the screen's clock (IANA name); Western Indonesia Time (WIB) when absent. */
  timeZone: TimeZoneSchema.optional(),
});
export type ScreenTarget = z.infer<typeof ScreenTargetSchema>;
