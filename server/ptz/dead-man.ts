/** A move in progress: which client keeps it up, and when it last said so. */
interface ArmedMove {
  clientId: string;
  refreshedAt: number;
}

/**
 * The dead-man switch of continuous moves: a move stays armed only while the client that started
 * it repeats it; `due` names the cameras whose client has been silent for `timeoutMs`, so the
 * server can stop them. Pure: every time is passed in.
 */
export class DeadManTable {
  readonly #moves = new Map<string, ArmedMove>();

  constructor(private readonly timeoutMs: number) {}

  /** Starts or refreshes the watch on a camera's move, kept up by `clientId`. */
  arm(cameraId: string, clientId: string, now: number): void {
    this.#moves.set(cameraId, { clientId, refreshedAt: now });
  }

  /** Stops watching a camera (its move ended). */
  disarm(cameraId: string): void {
    this.#moves.delete(cameraId);
  }

  /** The client keeping a camera's move up, or undefined when the camera is still. */
  clientOf(cameraId: string): string | undefined {
    return this.#moves.get(cameraId)?.clientId;
  }

  /** The cameras whose move `clientId` keeps up. */
  camerasOf(clientId: string): string[] {
    return [...this.#moves].filter(([, move]) => move.clientId === clientId).map(([cameraId]) => cameraId);
  }

  /** The cameras whose client went silent; they are disarmed as they are returned. */
  due(now: number): string[] {
    const silent: string[] = [];
    for (const [cameraId, move] of this.#moves) {
      if (now - move.refreshedAt < this.timeoutMs) continue;
      this.#moves.delete(cameraId);
      silent.push(cameraId);
    }
    return silent;
  }

  /** Every camera with a move in progress. */
  cameras(): ReadonlySet<string> {
    return new Set(this.#moves.keys());
  }
}
