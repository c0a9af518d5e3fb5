import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import {
  EVENTS,
  HelloReplySchema,
  IntentReplySchema,
  PROTOCOL_VERSION,
  QueryReplySchema,
  SnapshotSchema,
  SyncReplySchema,
  WallChangeSchema,
  describeIssues,
  formatIssues,
  type CatchUp,
  type Hello,
  type Intent,
  type IntentReply,
  type ProtocolError,
  type Query,
  type QueryReply,
  type ScreenTarget,
  type SessionInfo,
  type Snapshot,
} from '../../protocol/index.js';
import { WallReplica } from './wall-replica.js';

/**
 * What a screen knows about its server link. The last snapshot stays while disconnected;
 * `fromCache` marks a state restored from this machine's storage, not yet confirmed by the server.
 */
export type ConnectionState =
  | { status: 'connecting'; snapshot: Snapshot | null; session: SessionInfo | null; fromCache: boolean }
  | { status: 'online'; snapshot: Snapshot; session: SessionInfo; fromCache: false }
  | { status: 'offline'; snapshot: Snapshot | null; session: SessionInfo | null; fromCache: boolean; reason: string }
  | { status: 'refused'; snapshot: null; session: null; fromCache: false; error: ProtocolError };

const REQUEST_TIMEOUT_MS = 5000;
const CACHE_WRITE_EVERY_MS = 1000;

function offlineError(message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code: 'not-ready', message, issues: [] } };
}

/**
 * One screen's socket.io link: says hello on every (re)connect, resuming from the last sequence
 * it applied, keeps the wall replica in step, and sends intents and queries. Everything the
 * server sends is parsed before it is used.
 */
export class ScreenConnection {
  readonly socket: Socket;
  #replica: WallReplica | null = null;
  #session: SessionInfo | null = null;
  #state: ConnectionState = { status: 'connecting', snapshot: null, session: null, fromCache: false };
  #syncing = false;
  #cacheTimer: number | undefined;
  readonly #listeners = new Set<(state: ConnectionState) => void>();
  readonly #cacheKey: string;

  constructor(private readonly target: ScreenTarget, private readonly storage: Storage | null = globalThis.localStorage ?? null) {
    this.#cacheKey = `pantau:last-state:${target.serverUrl}:${target.wallId}:${target.screenId}`;
    const cached = this.#readCache();
    if (cached) {
      this.#replica = new WallReplica(cached);
      this.#state = { status: 'connecting', snapshot: cached, session: null, fromCache: true };
    }
    this.socket = io(target.serverUrl, {
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
      autoConnect: false,
    });
    this.socket.on('connect', () => void this.#sayHello());
    this.socket.on('disconnect', (reason) => this.#offline(reason));
    this.socket.on('connect_error', (error) => this.#offline(error.message));
    this.socket.on(EVENTS.change, (payload: unknown) => this.#acceptChange(payload));
    this.socket.on(EVENTS.snapshot, (payload: unknown) => {
      const snapshot = SnapshotSchema.safeParse(payload);
      if (snapshot.success) this.#applyCatchUp({ kind: 'snapshot', snapshot: snapshot.data });
    });
  }

  /** Opens the link; reconnection is automatic until close(). */
  open(): void {
    this.socket.connect();
  }

  close(): void {
    this.#writeCache();
    window.clearTimeout(this.#cacheTimer);
    this.socket.disconnect();
    this.#listeners.clear();
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Asks the server to apply an intent; the change itself arrives as a broadcast to every screen. */
  send(intent: Intent): Promise<IntentReply> {
    return this.#request(EVENTS.intent, intent, IntentReplySchema, 'not connected to the server: nothing was changed');
  }

  /** Asks a supervisor's query (audit, history, export). */
  query(query: Query): Promise<QueryReply> {
    return this.#request(EVENTS.query, query, QueryReplySchema, 'not connected to the server');
  }

  /** One acknowledged request; a missing link, a late answer or a malformed one become a not-ready error. */
  async #request<T>(event: string, payload: unknown, schema: z.ZodType<T>, offlineMessage: string): Promise<T | { ok: false; error: ProtocolError }> {
    if (this.#state.status !== 'online') return offlineError(offlineMessage);
    try {
      const raw: unknown = await this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(event, payload);
      const reply = schema.safeParse(raw);
      return reply.success ? reply.data : offlineError(`bad reply: ${formatIssues(describeIssues(reply.error))}`);
    } catch {
      return offlineError('the server did not answer in time');
    }
  }

  async #sayHello(): Promise<void> {
    const replica = this.#replica;
    const hello: Hello = {
      protocolVersion: PROTOCOL_VERSION,
      clientKind: 'wall-screen',
      wallId: this.target.wallId,
      screenId: this.target.screenId,
      token: this.target.token,
      ...(replica ? { resume: { epoch: replica.snapshot.epoch, sequence: replica.sequence } } : {}),
    };
    let raw: unknown;
    try {
      raw = await this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(EVENTS.hello, hello);
    } catch {
      this.#offline('no answer to hello');
      return;
    }
    const reply = HelloReplySchema.safeParse(raw);
    if (!reply.success) {
      this.#offline(`bad hello reply: ${formatIssues(describeIssues(reply.error))}`);
      return;
    }
    if (!reply.data.ok) {
      this.#replica = null;
      this.#set({ status: 'refused', snapshot: null, session: null, fromCache: false, error: reply.data.error });
      return;
    }
    this.#session = reply.data.session;
    this.#applyCatchUp(reply.data.catchUp);
  }

  #applyCatchUp(catchUp: CatchUp): void {
    if (catchUp.kind === 'snapshot') this.#replica = new WallReplica(catchUp.snapshot);
    else if (!this.#replica || !this.#replica.applyCatchUp(catchUp)) {
      void this.#sync();
      return;
    }
    this.#publishOnline();
  }

  #acceptChange(payload: unknown): void {
    const change = WallChangeSchema.safeParse(payload);
    if (!change.success || !this.#replica) return;
    const result = this.#replica.applyChange(change.data);
    if (result === 'gap') void this.#sync();
    else if (result === 'applied') this.#publishOnline();
  }

  /** Fetches what was missed after a gap: the changes, or a fresh snapshot. */
  async #sync(): Promise<void> {
    if (this.#syncing) return;
    this.#syncing = true;
    try {
      const raw: unknown = await this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(EVENTS.sync, { sequence: this.#replica?.sequence ?? 0 });
      const reply = SyncReplySchema.safeParse(raw);
      if (reply.success && reply.data.ok) {
        const { catchUp } = reply.data;
        if (catchUp.kind === 'snapshot') this.#replica = new WallReplica(catchUp.snapshot);
        else this.#replica?.applyCatchUp(catchUp);
        this.#publishOnline();
      }
    } catch {
      // The next change or reconnect tries again.
    } finally {
      this.#syncing = false;
    }
  }

  #publishOnline(): void {
    if (!this.#replica || !this.#session || !this.socket.connected) return;
    this.#set({ status: 'online', snapshot: this.#replica.snapshot, session: this.#session, fromCache: false });
    this.#scheduleCacheWrite();
  }

  #offline(reason: string): void {
    if (this.#state.status === 'refused') return;
    this.#set({ status: 'offline', snapshot: this.#replica?.snapshot ?? null, session: this.#session, fromCache: this.#state.fromCache, reason });
  }

  #scheduleCacheWrite(): void {
    if (this.#cacheTimer !== undefined) return;
    this.#cacheTimer = window.setTimeout(() => {
      this.#cacheTimer = undefined;
      this.#writeCache();
    }, CACHE_WRITE_EVERY_MS);
  }

  #writeCache(): void {
    if (!this.#replica || !this.storage) return;
    try {
      this.storage.setItem(this.#cacheKey, JSON.stringify(this.#replica.snapshot));
    } catch {
      // A full or unavailable storage only costs the offline fallback.
    }
  }

  #readCache(): Snapshot | null {
    try {
      const text = this.storage?.getItem(this.#cacheKey);
      if (!text) return null;
      const parsed = SnapshotSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  #set(state: ConnectionState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}
