import type { Socket } from 'socket.io-client';
import type { ProtocolError } from '../../protocol/errors.js';
import {
  AcknowledgeReplySchema,
  INCIDENT_EVENTS,
  IncidentChangeBatchSchema,
  IncidentSubscribeReplySchema,
  applyIncidentChanges,
  type AcknowledgeReply,
  type IncidentSnapshot,
} from '../../protocol/incidents.js';
import { describeIssues, formatIssues } from '../../protocol/validation.js';

const REQUEST_TIMEOUT_MS = 10_000;

/** idle: not subscribed yet; live: in step with the server; offline: last known state kept; refused: the server said no. */
export type FeedStatus = 'idle' | 'subscribing' | 'live' | 'offline' | 'refused';

export interface FeedState {
  status: FeedStatus;
  /** The last known incidents and alerts (kept, marked by status, while offline). */
  snapshot: IncidentSnapshot | null;
  error: ProtocolError | null;
}

function localError(message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code: 'not-ready', message, issues: [] } };
}

/**
 * The incidents and alerts of the server, kept in step over a screen's existing socket:
 * subscribes when told the connection is ready, applies change batches in sequence order and
 * subscribes again after a gap. Everything received is parsed before it is used.
 */
export class IncidentFeed {
  #state: FeedState = { status: 'idle', snapshot: null, error: null };
  #subscribing = false;
  readonly #listeners = new Set<(state: FeedState) => void>();
  readonly #onChanges = (payload: unknown): void => this.#acceptBatch(payload);
  readonly #onDisconnect = (): void => this.#set({ ...this.#state, status: this.#state.status === 'refused' ? 'refused' : 'offline' });

  constructor(private readonly socket: Socket) {
    socket.on(INCIDENT_EVENTS.changes, this.#onChanges);
    socket.on('disconnect', this.#onDisconnect);
  }

  get state(): FeedState {
    return this.#state;
  }

  /** Calls `listener` on every state change; returns the function that stops it. */
  onState(listener: (state: FeedState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Asks for a fresh snapshot; call it once the screen's hello has been accepted (and after each reconnect). */
  async subscribe(): Promise<void> {
    if (this.#subscribing) return;
    this.#subscribing = true;
    this.#set({ ...this.#state, status: 'subscribing' });
    try {
      const raw: unknown = await this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(INCIDENT_EVENTS.subscribe, {});
      const reply = IncidentSubscribeReplySchema.safeParse(raw);
      if (!reply.success) this.#set({ ...this.#state, status: 'offline', error: localError(`bad subscribe reply: ${formatIssues(describeIssues(reply.error))}`).error });
      else if (!reply.data.ok) this.#set({ ...this.#state, status: 'refused', error: reply.data.error });
      else this.#set({ status: 'live', snapshot: reply.data.snapshot, error: null });
    } catch {
      this.#set({ ...this.#state, status: 'offline', error: localError('no answer to subscribe').error });
    } finally {
      this.#subscribing = false;
    }
  }

  /** Acknowledges an alert; the acknowledgement itself reaches every screen as a change. */
  async acknowledge(alertId: string): Promise<AcknowledgeReply> {
    if (!this.socket.connected) return localError('not connected to the server');
    try {
      const raw: unknown = await this.socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck(INCIDENT_EVENTS.acknowledge, { alertId });
      const reply = AcknowledgeReplySchema.safeParse(raw);
      return reply.success ? reply.data : localError(`bad acknowledge reply: ${formatIssues(describeIssues(reply.error))}`);
    } catch {
      return localError('no answer to acknowledge');
    }
  }

  close(): void {
    this.socket.off(INCIDENT_EVENTS.changes, this.#onChanges);
    this.socket.off('disconnect', this.#onDisconnect);
    if (this.socket.connected) this.socket.emit(INCIDENT_EVENTS.unsubscribe);
    this.#listeners.clear();
  }

  #acceptBatch(payload: unknown): void {
    const batch = IncidentChangeBatchSchema.safeParse(payload);
    const snapshot = this.#state.snapshot;
    if (!batch.success || !snapshot || this.#subscribing) return;
    const next = applyIncidentChanges(snapshot, batch.data);
    if (next === null) {
      // A gap: a batch was missed, so the state cannot be trusted; start again from a snapshot.
      void this.subscribe();
      return;
    }
    if (next !== snapshot) this.#set({ status: 'live', snapshot: next, error: null });
  }

  #set(state: FeedState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}
