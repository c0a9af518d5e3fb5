import { z } from 'zod';
import { KeyActionSchema } from './keymap.js';
import { ShellStatusSchema } from './health.js';
import { ScreenIdSchema } from './walls.js';

/**
 * The Electron bridge's channels between the main process and a wall window. The sandboxed
 * preload repeats these names (it cannot import ES modules); a unit test keeps them equal.
 */
export const SHELL_CHANNELS = {
  /** main -> window: a keymap action for this screen (global shortcut or the PTZ control window). */
  action: 'pantau:action',
  /** main -> window: the ShellStatus, on load and whenever it changes. */
  status: 'pantau:shell-status',
  /** window -> main (invoke): show every display's number. */
  identifyDisplays: 'pantau:identify-displays',
  /** window -> main (send): the keyboard now acts on this screen. */
  selectScreen: 'pantau:select-screen',
} as const;

/**
 * An action for a screen. `phase` is present only for hold-to-move actions (PTZ): `start` when
 * the key goes down, `stop` when it comes up; without it the action is one press.
 */
export const ShellActionSchema = z.strictObject({
  action: KeyActionSchema,
  /** The speed modifier was held (PTZ at full speed). */
  fast: z.boolean().optional(),
  phase: z.enum(['start', 'stop']).optional(),
});
export type ShellAction = z.infer<typeof ShellActionSchema>;

export const SelectScreenRequestSchema = z.strictObject({ screenId: ScreenIdSchema });

export { ShellStatusSchema };
export const IdentifyDisplaysRequestSchema = z.undefined();
