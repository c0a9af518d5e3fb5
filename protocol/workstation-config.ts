import { z } from 'zod';
import { LanguageSchema } from './screen-target.js';
import { ScreenIdSchema, WallIdSchema } from './walls.js';

/** Which physical display a screen asks for; without one it takes the next free display. */
export const DisplayPreferenceSchema = z.strictObject({
  /** The display's label as the operating system reports it (e.g. "DELL U2720Q"). */
  label: z.string().min(1).optional(),
  /** Position among the displays, counted from 1, left to right then top to bottom. */
  position: z.number().int().min(1).max(32).optional(),
});
export type DisplayPreference = z.infer<typeof DisplayPreferenceSchema>;

export const WorkstationScreenSchema = z.strictObject({
  screenId: ScreenIdSchema,
  display: DisplayPreferenceSchema.optional(),
});

/** A wall workstation's configuration: its server, its wall, and which screens it drives. */
export const WorkstationConfigSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/ }),
  wallId: WallIdSchema,
  language: LanguageSchema.default('id'),
  token: z.string().max(512).nullable().default(null),
  screens: z.array(WorkstationScreenSchema).min(1).max(32),
});
export type WorkstationConfig = z.infer<typeof WorkstationConfigSchema>;
export type WorkstationScreen = z.infer<typeof WorkstationScreenSchema>;
