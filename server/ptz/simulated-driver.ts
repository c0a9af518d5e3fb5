import { PTZ_STILL, type PtzVelocity } from '../../protocol/ptz.js';
import { PtzDeviceError, type PtzDriver } from './ptz-driver.js';

/** Where a simulated camera looks: pan in degrees (wraps at ±180), tilt in degrees, zoom factor. */
export interface PtzPosition {
  pan: number;
  tilt: number;
  zoom: number;
}

/** The simulated head's limits and speeds, close to a street PTZ dome's. */
export const SIMULATED_PTZ = {
  tiltMin: -30,
  tiltMax: 30,
  zoomMin: 1,
  zoomMax: 8,
  /** Degrees per second at full pan speed and zoom 1; slower when zoomed in, as real domes do. */
  panDegreesPerSecond: 60,
  tiltDegreesPerSecond: 30,
  /** Zoom factor doubles each second at full zoom speed. */
  zoomDoublingsPerSecond: 1,
} as const;

export const SIMULATED_HOME: PtzPosition = { pan: 0, tilt: 0, zoom: 1 };

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const wrapDegrees = (value: number): number => ((((value + 180) % 360) + 360) % 360) - 180;

/**
 * A PTZ head in memory: a continuous move integrates its velocity over time, presets and home
 * jump at once. The simulated camera reads `position()` for every frame it renders.
 */
export class SimulatedPtzDriver implements PtzDriver {
  #position: PtzPosition = { ...SIMULATED_HOME };
  #velocity: PtzVelocity = PTZ_STILL;
  #updatedAt: number;
  readonly #presets = new Map<number, PtzPosition>();

  constructor(private readonly now: () => number = Date.now) {
    this.#updatedAt = now();
  }

  /** Where the head points now. */
  position(): PtzPosition {
    this.#advance();
    return { ...this.#position };
  }

  /** The velocity of the move in progress (all zero when still). */
  velocity(): PtzVelocity {
    return this.#velocity;
  }

  async move(velocity: PtzVelocity): Promise<void> {
    this.#advance();
    this.#velocity = { ...velocity };
  }

  async stop(): Promise<void> {
    this.#advance();
    this.#velocity = PTZ_STILL;
  }

  async gotoPreset(preset: number): Promise<void> {
    const target = this.#presets.get(preset);
    if (!target) throw new PtzDeviceError(`preset ${preset} has not been saved on this camera`);
    this.#jump(target);
  }

  async savePreset(preset: number): Promise<void> {
    this.#presets.set(preset, this.position());
  }

  async home(): Promise<void> {
    this.#jump(SIMULATED_HOME);
  }

  async close(): Promise<void> {
    await this.stop();
  }

  #jump(target: PtzPosition): void {
    this.#advance();
    this.#velocity = PTZ_STILL;
    this.#position = { ...target };
  }

  #advance(): void {
    const now = this.now();
    const seconds = Math.max(0, (now - this.#updatedAt) / 1000);
    this.#updatedAt = now;
    if (seconds === 0) return;
    const { pan, tilt, zoom } = this.#position;
    const v = this.#velocity;
    this.#position = {
      pan: wrapDegrees(pan + (v.pan * SIMULATED_PTZ.panDegreesPerSecond * seconds) / zoom),
      tilt: clamp(tilt + (v.tilt * SIMULATED_PTZ.tiltDegreesPerSecond * seconds) / zoom, SIMULATED_PTZ.tiltMin, SIMULATED_PTZ.tiltMax),
      zoom: clamp(zoom * 2 ** (v.zoom * SIMULATED_PTZ.zoomDoublingsPerSecond * seconds), SIMULATED_PTZ.zoomMin, SIMULATED_PTZ.zoomMax),
    };
  }
}
