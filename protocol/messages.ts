import { z } from 'zod';
import { ProtocolErrorSchema } from './errors.js';
import { SnapshotSchema } from './snapshot.js';

/** Socket.io event names of protocol v1. */
export const EVENTS = {
  /** client -> server, with an acknowledgement carrying a HelloReply. */
  hello: 'hello',
  /** server -> client: a fresh snapshot for the screen, replacing the previous one. */
  snapshot: 'snapshot',
} as const;

/** The acknowledgement of a hello: the screen's snapshot, or why it was refused. */
export const HelloReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), snapshot: SnapshotSchema }),
  z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
]);
export type HelloReply = z.infer<typeof HelloReplySchema>;
