import { io, type Socket } from 'socket.io-client';
import {
  EVENTS,
  HelloReplySchema,
  PROTOCOL_VERSION,
  SnapshotSchema,
  describeIssues,
  formatIssues,
  type Hello,
  type ProtocolError,
  type ScreenTarget,
  type Snapshot,
} from '../../protocol/index.js';

/** What a screen knows about its server link; the last snapshot is kept while disconnected. */
export type ConnectionState =
  | { status: 'connecting'; snapshot: Snapshot | null }
  | { status: 'online'; snapshot: Snapshot }
  | { status: 'offline'; snapshot: Snapshot | null; reason: string }
  | { status: 'refused'; snapshot: null; error: ProtocolError };

const HELLO_TIMEOUT_MS = 5000;

/**
 * One screen's socket.io link: says hello on every (re)connect and keeps the latest snapshot.
 * Everything the server sends is parsed before it is used.
 */
export class ScreenConnection {
  #socket: Socket;
  #state: ConnectionState = { status: 'connecting', snapshot: null };
  readonly #listeners = new Set<(state: ConnectionState) => void>();

  constructor(private readonly target: ScreenTarget) {
    this.#socket = io(target.serverUrl, {
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
      autoConnect: false,
    });
    this.#socket.on('connect', () => void this.#sayHello());
    this.#socket.on('disconnect', (reason) => this.#set({ status: 'offline', snapshot: this.#state.snapshot, reason }));
    this.#socket.on('connect_error', (error) => this.#set({ status: 'offline', snapshot: this.#state.snapshot, reason: error.message }));
    this.#socket.on(EVENTS.snapshot, (payload: unknown) => this.#acceptSnapshot(payload));
  }

  /** Opens the link; reconnection is automatic until close(). */
  open(): void {
    this.#socket.connect();
  }

  close(): void {
    this.#socket.disconnect();
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

  async #sayHello(): Promise<void> {
    const hello: Hello = {
      protocolVersion: PROTOCOL_VERSION,
      clientKind: 'wall-screen',
      wallId: this.target.wallId,
      screenId: this.target.screenId,
      token: this.target.token,
    };
    let raw: unknown;
    try {
      raw = await this.#socket.timeout(HELLO_TIMEOUT_MS).emitWithAck(EVENTS.hello, hello);
    } catch {
      this.#set({ status: 'offline', snapshot: this.#state.snapshot, reason: 'no answer to hello' });
      return;
    }
    const reply = HelloReplySchema.safeParse(raw);
    if (!reply.success) {
      this.#set({ status: 'offline', snapshot: this.#state.snapshot, reason: `bad hello reply: ${formatIssues(describeIssues(reply.error))}` });
      return;
    }
    if (reply.data.ok) this.#set({ status: 'online', snapshot: reply.data.snapshot });
    else this.#set({ status: 'refused', snapshot: null, error: reply.data.error });
  }

  #acceptSnapshot(payload: unknown): void {
    const snapshot = SnapshotSchema.safeParse(payload);
    if (!snapshot.success) {
      console.warn(`ignored a bad snapshot: ${formatIssues(describeIssues(snapshot.error))}`);
      return;
    }
    this.#set({ status: 'online', snapshot: snapshot.data });
  }

  #set(state: ConnectionState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}
