import { z } from 'zod';
import { ProtocolErrorSchema } from './errors.js';
import { WallChangeSchema } from './intents.js';
import { SessionInfoSchema, SnapshotSchema } from './snapshot.js';

/** Socket.io event names of the wall protocol. */
export const EVENTS = {
  /** client -> server, acknowledged with a HelloReply. */
  hello: 'hello',
  /** server -> client: a fresh snapshot replacing everything the client knew. */
  snapshot: 'snapshot',
  /** client -> server: an Intent, acknowledged with an IntentReply. */
  intent: 'intent',
  /** server -> client: a WallChange, in sequence order. */
  change: 'change',
  /** client -> server: a SyncRequest after a gap, acknowledged with a CatchUp. */
  sync: 'sync',
  /** client -> server: a Query (supervisors), acknowledged with a QueryReply. */
  query: 'query',
} as const;

/** The changes a client missed, or a whole snapshot when the server no longer has them all. */
export const CatchUpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('changes'), changes: z.array(WallChangeSchema) }),
  z.object({ kind: z.literal('snapshot'), snapshot: SnapshotSchema }),
]);
export type CatchUp = z.infer<typeof CatchUpSchema>;

/** The acknowledgement of a hello: who the client is and its catch-up, or why it was refused. */
export const HelloReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), session: SessionInfoSchema, catchUp: CatchUpSchema }),
  z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
]);
export type HelloReply = z.infer<typeof HelloReplySchema>;

export const SyncReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), catchUp: CatchUpSchema }),
  z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
]);
export type SyncReply = z.infer<typeof SyncReplySchema>;
