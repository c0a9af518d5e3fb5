import { PTZ_REFRESH_MS, PTZ_STILL, isStill, type PtzVelocity } from '../../protocol/ptz.js';
import type { KeyAction } from '../../protocol/keymap.js';

/** The keymap actions that move a PTZ camera while held. */
export const PTZ_MOVE_ACTIONS = [
  'ptz-up', 'ptz-down', 'ptz-left', 'ptz-right', 'ptz-up-left', 'ptz-up-right', 'ptz-down-left', 'ptz-down-right', 'ptz-zoom-in', 'ptz-zoom-out',
] as const satisfies readonly KeyAction[];
export type PtzMoveAction = (typeof PTZ_MOVE_ACTIONS)[number];

/** True when a keymap action moves the camera while held. */
export function isPtzMoveAction(action: string): action is PtzMoveAction {
  return (PTZ_MOVE_ACTIONS as readonly string[]).includes(action);
}

/** Which way each key pushes: pan right, tilt up and zoom in are positive. */
const DIRECTION: Record<PtzMoveAction, PtzVelocity> = {
  'ptz-up': { pan: 0, tilt: 1, zoom: 0 },
  'ptz-down': { pan: 0, tilt: -1, zoom: 0 },
  'ptz-left': { pan: -1, tilt: 0, zoom: 0 },
  'ptz-right': { pan: 1, tilt: 0, zoom: 0 },
  'ptz-up-left': { pan: -1, tilt: 1, zoom: 0 },
  'ptz-up-right': { pan: 1, tilt: 1, zoom: 0 },
  'ptz-down-left': { pan: -1, tilt: -1, zoom: 0 },
  'ptz-down-right': { pan: 1, tilt: -1, zoom: 0 },
  'ptz-zoom-in': { pan: 0, tilt: 0, zoom: 1 },
  'ptz-zoom-out': { pan: 0, tilt: 0, zoom: -1 },
};

/** Speed without and with the modifier: slow enough to frame a plate, fast enough to swing round. */
export const PTZ_SPEED = { normal: 0.4, fast: 1 } as const;
/** How long a click-to-centre move runs; the velocity is chosen so the clicked point reaches the centre in about this time. */
export const CLICK_MOVE_MS = 500;
/** A pointer that travels less than this (pixels) between down and up is a click, not a drag. */
export const DRAG_THRESHOLD_PX = 6;

/** What the controller wants sent to the server (the camera id is added by the caller). */
export type PtzOutput = { type: 'move'; velocity: PtzVelocity } | { type: 'stop' };

const clampUnit = (value: number): number => Math.max(-1, Math.min(1, value));
// Round so tiny float differences do not count as a new velocity, and -0 never goes on the wire.
const tidy = (value: number): number => Math.round(clampUnit(value) * 1000) / 1000 || 0;
const sameVelocity = (a: PtzVelocity, b: PtzVelocity): boolean => a.pan === b.pan && a.tilt === b.tilt && a.zoom === b.zoom;

/** The velocity of the keys held: their directions added (opposites cancel), each axis at the chosen speed. */
export function velocityOfKeys(held: ReadonlyMap<PtzMoveAction, boolean>): PtzVelocity {
  let pan = 0;
  let tilt = 0;
  let zoom = 0;
  let fast = false;
  for (const [action, withModifier] of held) {
    pan += DIRECTION[action].pan;
    tilt += DIRECTION[action].tilt;
    zoom += DIRECTION[action].zoom;
    fast ||= withModifier;
  }
  const speed = fast ? PTZ_SPEED.fast : PTZ_SPEED.normal;
  return { pan: tidy(Math.sign(pan) * speed), tilt: tidy(Math.sign(tilt) * speed), zoom: tidy(Math.sign(zoom) * speed) };
}

/** A click at (x, y) as a fraction of the tile from its centre (-0.5..0.5, y down) as a velocity toward it. */
export function velocityTowards(x: number, y: number): PtzVelocity {
  // Covering half a picture width in CLICK_MOVE_MS needs full speed: velocity = offset / 0.5 at 60-degree pan, 30-degree tilt a second.
  return { pan: tidy(x * 2), tilt: tidy(-y * 2.25), zoom: 0 };
}

/** A drag from its start, as a fraction of the tile's half size (joystick style), as a velocity. */
export function velocityOfDrag(dx: number, dy: number): PtzVelocity {
  return { pan: tidy(dx), tilt: tidy(-dy), zoom: 0 };
}

/**
 * The PTZ steering of one screen, without I/O: keys held and pointer gestures in, the commands
 * to send out. A held move is repeated every PTZ_REFRESH_MS (the server's dead-man stops a move
 * that is not repeated); letting go, losing focus or hiding the window stops the camera.
 */
export class PtzController {
  readonly #held = new Map<PtzMoveAction, boolean>();
  #pointer: PtzVelocity = PTZ_STILL;
  #clickEndsAt: number | null = null;
  #sent: PtzVelocity = PTZ_STILL;
  #sentAt = 0;

  /** A move key went down (again, when the keyboard repeats it); `fast` when the speed modifier is held. */
  press(action: PtzMoveAction, fast: boolean, now: number): PtzOutput[] {
    this.#held.set(action, fast);
    this.#clickEndsAt = null;
    return this.#update(now);
  }

  /** A move key went up. */
  release(action: PtzMoveAction, now: number): PtzOutput[] {
    this.#held.delete(action);
    return this.#update(now);
  }

  /** Everything lets go: the window lost focus or was hidden, or the camera changes. Stops a moving camera. */
  releaseAll(now: number): PtzOutput[] {
    this.#held.clear();
    this.#pointer = PTZ_STILL;
    this.#clickEndsAt = null;
    return this.#update(now);
  }

  /** A click-to-centre: a short move toward the clicked point, stopped by tick() after CLICK_MOVE_MS. */
  click(x: number, y: number, now: number): PtzOutput[] {
    this.#pointer = velocityTowards(x, y);
    this.#clickEndsAt = now + CLICK_MOVE_MS;
    return this.#update(now);
  }

  /** A drag in progress, as offsets from where it started (fractions of the tile's half size). */
  drag(dx: number, dy: number, now: number): PtzOutput[] {
    this.#pointer = velocityOfDrag(dx, dy);
    this.#clickEndsAt = null;
    return this.#update(now);
  }

  /** The drag ended. */
  dragEnd(now: number): PtzOutput[] {
    this.#pointer = PTZ_STILL;
    return this.#update(now);
  }

  /** Call often (every 50-100 ms): repeats a held move for the dead-man and ends click moves. */
  tick(now: number): PtzOutput[] {
    if (this.#clickEndsAt !== null && now >= this.#clickEndsAt) {
      this.#clickEndsAt = null;
      this.#pointer = PTZ_STILL;
      return this.#update(now);
    }
    if (!isStill(this.#sent) && now - this.#sentAt >= PTZ_REFRESH_MS) return this.#send(this.#sent, now);
    return [];
  }

  /** The velocity last asked of the camera. */
  get velocity(): PtzVelocity {
    return this.#sent;
  }

  #update(now: number): PtzOutput[] {
    // Keys win over the pointer: an operator reaching for the keyboard means it.
    const wanted = this.#held.size > 0 ? velocityOfKeys(this.#held) : this.#pointer;
    if (sameVelocity(wanted, this.#sent)) return [];
    if (isStill(wanted)) {
      this.#sent = PTZ_STILL;
      this.#sentAt = now;
      return [{ type: 'stop' }];
    }
    return this.#send(wanted, now);
  }

  #send(velocity: PtzVelocity, now: number): PtzOutput[] {
    this.#sent = velocity;
    this.#sentAt = now;
    return [{ type: 'move', velocity }];
  }
}
