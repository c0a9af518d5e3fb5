import { mayOperateWall, roleAtLeast, type Principal } from '../../protocol/auth.js';
import type { ErrorCode } from '../../protocol/errors.js';
import {
  PTZ_DEAD_MAN_MS,
  isStill,
  type PtzCommand,
  type PtzHolder,
  type PtzLockState,
  type PtzReply,
  type PtzVelocity,
} from '../../protocol/ptz.js';
import { DeadManTable } from './dead-man.js';
import { PtzLockTable } from './lock-table.js';
import { PtzDeviceError, type PtzDriver } from './ptz-driver.js';
import { RateLimiter, type RateLimit } from '../net/rate-limiter.js';

/** Who sends a command: one connection, the principal the hub accepted for it, and its wall. */
export interface PtzClient {
  clientId: string;
  principal: Principal;
  wallId: string;
}

export interface PtzServiceOptions {
  /** The driver of every PTZ camera, by camera id. */
  drivers: ReadonlyMap<string, PtzDriver>;
  now?: () => number;
  /** A lock nobody used for this long is released. */
  lockIdleMs?: number;
  /** A move its client did not repeat for this long is stopped. */
  deadManMs?: number;
  rateLimit?: RateLimit;
  /** How often the timer looks for silent moves and idle locks; 0 leaves it to the caller's sweep(). */
  sweepEveryMs?: number;
}

export const PTZ_DEFAULTS = {
  lockIdleMs: 30_000,
  deadManMs: PTZ_DEAD_MAN_MS,
  // A held key repeats 4 times a second and a mouse drag about 10: 20 at once, 15 a second sustained.
  rateLimit: { burst: 20, perSecond: 15 },
  sweepEveryMs: 100,
} as const;

const refuse = (code: ErrorCode, message: string): PtzReply => ({ ok: false, error: { code, message, issues: [] } });

/**
 * The authority over PTZ cameras: checks who may do what, keeps one holder per camera, relays
 * commands to each camera's driver one at a time, and stops any move whose client went silent or
 * away. Every change of holder or move is told to the state listeners.
 */
export class PtzService {
  readonly #drivers: ReadonlyMap<string, PtzDriver>;
  readonly #now: () => number;
  readonly #locks: PtzLockTable;
  readonly #deadMan: DeadManTable;
  readonly #limiter: RateLimiter;
  readonly #moving = new Map<string, PtzVelocity>();
  /** Commands to one camera run in order, so a stop can never overtake the move it stops. */
  readonly #queues = new Map<string, Promise<unknown>>();
  /** Connected clients per user: a user's locks are released when the last of them goes. */
  readonly #clientsOfUser = new Map<string, Set<string>>();
  readonly #listeners = new Set<(state: PtzLockState) => void>();
  readonly #timer: NodeJS.Timeout | undefined;

  constructor(options: PtzServiceOptions) {
    this.#drivers = options.drivers;
    this.#now = options.now ?? Date.now;
    this.#locks = new PtzLockTable(options.lockIdleMs ?? PTZ_DEFAULTS.lockIdleMs);
    this.#deadMan = new DeadManTable(options.deadManMs ?? PTZ_DEFAULTS.deadManMs);
    this.#limiter = new RateLimiter(options.rateLimit ?? PTZ_DEFAULTS.rateLimit);
    const every = options.sweepEveryMs ?? PTZ_DEFAULTS.sweepEveryMs;
    if (every > 0) {
      this.#timer = setInterval(() => void this.sweep(), every);
      this.#timer.unref();
    }
  }

  /** Calls `listener` whenever a camera's holder or move changes; returns the unsubscribe function. */
  onState(listener: (state: PtzLockState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The state of one camera. */
  stateOf(cameraId: string): PtzLockState {
    const lock = this.#locks.get(cameraId);
    return {
      cameraId,
      holder: lock?.holder ?? null,
      since: lock ? new Date(lock.since).toISOString() : null,
      moving: this.#moving.get(cameraId) ?? null,
    };
  }

  /** Every camera someone holds or moves. */
  states(): PtzLockState[] {
    const cameras = new Set([...this.#locks.cameras(), ...this.#moving.keys()]);
    return [...cameras].sort().map((cameraId) => this.stateOf(cameraId));
  }

  /** Carries out one validated command for a client; a refused command changes nothing. */
  async handle(client: PtzClient, command: PtzCommand): Promise<PtzReply> {
    const now = this.#now();
    this.#register(client);
    // A stop is never rate-limited: it is the command that must always get through.
    if (command.type !== 'stop' && !this.#limiter.allow(client.clientId, now)) {
      return refuse('rate-limited', 'too many PTZ commands from this screen; wait a moment');
    }
    const { principal } = client;
    if (!mayOperateWall(principal, client.wallId)) {
      return refuse('forbidden', `${principal.name} (${principal.role}) may not control cameras on wall "${client.wallId}"`);
    }
    if ((command.type === 'save-preset' || command.type === 'take-over') && !roleAtLeast(principal.role, 'supervisor')) {
      return refuse('forbidden', `only a supervisor may ${command.type === 'save-preset' ? 'save a preset' : 'take over a camera'}`);
    }
    const driver = this.#drivers.get(command.cameraId);
    if (!driver) return refuse('not-found', `camera "${command.cameraId}" has no PTZ control on this server`);
    const holder: PtzHolder = { userId: principal.userId, name: principal.name, role: principal.role };

    switch (command.type) {
      case 'take-over': {
        const previous = this.#locks.takeOver(command.cameraId, holder, now);
        // The previous holder's move must not carry on under the new holder's name.
        const stopped = previous && this.#moving.has(command.cameraId) ? await this.#stop(command.cameraId, driver) : undefined;
        this.#publish(command.cameraId);
        return stopped ?? this.#ok(command.cameraId);
      }
      case 'release': {
        const lock = this.#locks.get(command.cameraId);
        if (lock && lock.holder.userId !== holder.userId) return this.#lockedBy(lock.holder);
        if (this.#moving.has(command.cameraId)) {
          const stopped = await this.#stop(command.cameraId, driver);
          if (stopped) return stopped;
        }
        if (this.#locks.release(command.cameraId, holder.userId)) this.#publish(command.cameraId);
        return this.#ok(command.cameraId);
      }
      case 'stop': {
        const lock = this.#locks.get(command.cameraId);
        if (lock && lock.holder.userId !== holder.userId) return this.#lockedBy(lock.holder);
        if (lock) this.#locks.claim(command.cameraId, holder, now);
        const stopped = await this.#stop(command.cameraId, driver);
        return stopped ?? this.#ok(command.cameraId);
      }
      default: {
        const claim = this.#locks.claim(command.cameraId, holder, now);
        if (!claim.ok) return this.#lockedBy(claim.holder);
        const failed = await this.#act(client, command, driver, now);
        // A command the camera refused leaves no fresh lock behind it.
        if (failed && claim.changed) this.#locks.release(command.cameraId, holder.userId);
        if (failed) return failed;
        if (claim.changed && command.type !== 'move') this.#publish(command.cameraId);
        return this.#ok(command.cameraId);
      }
    }
  }

  /** Stops the moves a client kept up, and releases its user's locks when no other connection of theirs remains. */
  async clientGone(clientId: string): Promise<void> {
    this.#limiter.forget(clientId);
    const stops = this.#deadMan.camerasOf(clientId).map((cameraId) => this.#stopQuietly(cameraId));
    for (const [userId, clients] of this.#clientsOfUser) {
      if (!clients.delete(clientId) || clients.size > 0) continue;
      this.#clientsOfUser.delete(userId);
      for (const cameraId of this.#locks.heldBy(userId)) {
        this.#locks.release(cameraId, userId);
        if (!this.#moving.has(cameraId)) this.#publish(cameraId);
      }
    }
    await Promise.all(stops);
  }

  /** Stops every move whose client went silent and releases idle locks; the timer calls it, tests may too. */
  async sweep(now: number = this.#now()): Promise<void> {
    const silent = this.#deadMan.due(now);
    for (const cameraId of this.#locks.expire(now, this.#deadMan.cameras())) this.#publish(cameraId);
    await Promise.all(silent.map((cameraId) => this.#stopQuietly(cameraId)));
  }

  /** Stops every camera still moving and the timer. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await Promise.all([...this.#moving.keys()].map((cameraId) => this.#stopQuietly(cameraId)));
    await Promise.all([...this.#drivers.values()].map((driver) => driver.close().catch(() => undefined)));
  }

  async #act(client: PtzClient, command: Exclude<PtzCommand, { type: 'stop' | 'release' | 'take-over' }>, driver: PtzDriver, now: number): Promise<PtzReply | undefined> {
    const { cameraId } = command;
    switch (command.type) {
      case 'acquire':
        return undefined;
      case 'move': {
        const velocity: PtzVelocity = { pan: command.pan, tilt: command.tilt, zoom: command.zoom };
        if (isStill(velocity)) return this.#stop(cameraId, driver);
        const current = this.#moving.get(cameraId);
        this.#deadMan.arm(cameraId, client.clientId, now);
        // The same velocity again is the client's refresh: the camera is already moving so.
        if (current && current.pan === velocity.pan && current.tilt === velocity.tilt && current.zoom === velocity.zoom) return undefined;
        const failed = await this.#run(cameraId, () => driver.move(velocity));
        if (failed) {
          this.#deadMan.disarm(cameraId);
          return failed;
        }
        // A stop (dead-man, disconnect) that ran while the move was in flight wins.
        if (this.#deadMan.clientOf(cameraId) !== client.clientId) return undefined;
        this.#moving.set(cameraId, velocity);
        this.#publish(cameraId);
        return undefined;
      }
      case 'goto-preset':
      case 'home': {
        const stopped = this.#moving.has(cameraId) ? await this.#stop(cameraId, driver) : undefined;
        if (stopped) return stopped;
        return this.#run(cameraId, () => (command.type === 'home' ? driver.home() : driver.gotoPreset(command.preset)));
      }
      case 'save-preset':
        return this.#run(cameraId, () => driver.savePreset(command.preset));
    }
  }

  /** Stops a camera and records it still; a reply only when the camera refused. */
  async #stop(cameraId: string, driver: PtzDriver): Promise<PtzReply | undefined> {
    this.#deadMan.disarm(cameraId);
    const wasMoving = this.#moving.delete(cameraId);
    const failed = await this.#run(cameraId, () => driver.stop());
    if (wasMoving) this.#publish(cameraId);
    return failed;
  }

  async #stopQuietly(cameraId: string): Promise<void> {
    const driver = this.#drivers.get(cameraId);
    if (driver) await this.#stop(cameraId, driver);
  }

  /** Runs a driver call after the camera's previous one; a device failure becomes a reply. */
  #run(cameraId: string, task: () => Promise<void>): Promise<PtzReply | undefined> {
    const previous = this.#queues.get(cameraId) ?? Promise.resolve();
    const result = previous.then(task).then(
      () => undefined,
      (error: unknown) => refuse('device-error', error instanceof PtzDeviceError ? error.message : `camera "${cameraId}" failed: ${String(error)}`),
    );
    this.#queues.set(cameraId, result);
    return result;
  }

  #register(client: PtzClient): void {
    const clients = this.#clientsOfUser.get(client.principal.userId) ?? new Set<string>();
    clients.add(client.clientId);
    this.#clientsOfUser.set(client.principal.userId, clients);
  }

  #lockedBy(holder: PtzHolder): PtzReply {
    return refuse('locked', `${holder.name} is controlling this camera`);
  }

  #ok(cameraId: string): PtzReply {
    return { ok: true, state: this.stateOf(cameraId) };
  }

  #publish(cameraId: string): void {
    const state = this.stateOf(cameraId);
    for (const listener of this.#listeners) listener(state);
  }
}
