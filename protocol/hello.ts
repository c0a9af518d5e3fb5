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
  /** The workstation's name as the client knows it, recorded in the audit when the token is a person's. */
  workstation: z.string().trim().min(1).max(64).optional(),
  /** Where a reconnecting client left off: the server answers with the changes since, when it still has them. */
  resume: z.strictObject({ epoch: z.string().max(64), sequence: z.number().int().min(0) }).optional(),
});
export type Hello = z.infer<typeof HelloSchema>;
