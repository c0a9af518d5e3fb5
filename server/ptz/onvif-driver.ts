import type { OnvifConfig } from '../../protocol/catalogue.js';
import type { PtzVelocity } from '../../protocol/ptz.js';
import { OnvifCamera } from './onvif-camera.js';
import type { PtzDriver } from './ptz-driver.js';

/** The name Pantau gives the presets it saves, so they read clearly in the camera's own menu. */
export const presetName = (preset: number): string => `Pantau ${preset}`;

/**
 * Drives an ONVIF camera: connects on first use (and again after a failure), then relays
 * ContinuousMove, Stop, GotoPreset, SetPreset and GotoHomePosition with the camera's profile.
 * Preset slot N is the camera's preset token "N" until SetPreset tells us the token it chose.
 */
export class OnvifPtzDriver implements PtzDriver {
  #connection: Promise<OnvifCamera> | undefined;
  readonly #presetTokens = new Map<number, string>();

  constructor(private readonly config: OnvifConfig) {}

  async move(velocity: PtzVelocity): Promise<void> {
    await (await this.#camera()).continuousMove(velocity.pan, velocity.tilt, velocity.zoom);
  }

  async stop(): Promise<void> {
    await (await this.#camera()).stop();
  }

  async gotoPreset(preset: number): Promise<void> {
    await (await this.#camera()).gotoPreset(this.#presetTokens.get(preset) ?? String(preset));
  }

  async savePreset(preset: number): Promise<void> {
    const token = await (await this.#camera()).setPreset(presetName(preset), this.#presetTokens.get(preset) ?? String(preset));
    if (token !== undefined) this.#presetTokens.set(preset, token);
  }

  async home(): Promise<void> {
    await (await this.#camera()).gotoHomePosition();
  }

  async close(): Promise<void> {
    this.#connection = undefined;
  }

  #camera(): Promise<OnvifCamera> {
    if (!this.#connection) {
      const camera = new OnvifCamera(this.config);
      const connection = camera.connect().then(() => camera);
      // A failed connection is forgotten so the next command tries again.
      connection.catch(() => {
        if (this.#connection === connection) this.#connection = undefined;
      });
      this.#connection = connection;
    }
    return this.#connection;
  }
}
