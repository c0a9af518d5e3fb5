import { z } from 'zod';
import { ScreenIdSchema, WallIdSchema } from './walls.js';

export const ClientKindSchema = z.enum(['wall-screen', 'workstation']);

/** The first message of every connection: who is asking, for which screen. */
export const HelloSchema = z.strictObject({
  protocolVersion: z.number().int(),
  clientKind: ClientKindSchema,
  wallId: WallIdSchema,
  screenId: ScreenIdSchema,
  token: z.string().max(512).nullable(),
});
export type Hello = z.infer<typeof HelloSchema>;
