import { createRequire } from 'node:module';
import { z } from 'zod';
import type { OnvifConfig } from '../../protocol/catalogue.js';
import { PtzDeviceError } from './ptz-driver.js';

const require = createRequire(import.meta.url);

// The onvif package is untyped JavaScript at heart (its bundled .d.ts is mostly `any`): this is
// the small surface Pantau uses, with every answer treated as unknown until narrowed.
type OnvifCallback = (error: Error | null, data?: unknown) => void;

interface OnvifCamInstance {
  connect(callback: OnvifCallback): void;
  continuousMove(options: { profileToken?: string; x: number; y: number; zoom: number }, callback: OnvifCallback): void;
  stop(options: { profileToken?: string; panTilt: boolean; zoom: boolean }, callback: OnvifCallback): void;
  gotoPreset(options: { profileToken?: string; preset: string }, callback: OnvifCallback): void;
  setPreset(options: { profileToken?: string; presetName: string; presetToken?: string }, callback: OnvifCallback): void;
  gotoHomePosition(options: { profileToken?: string }, callback: OnvifCallback): void;
  activeSource?: unknown;
}

type OnvifCamClass = new (options: {
  hostname: string;
  port: number;
  path: string;
  username?: string;
  password?: string;
  useSecure: boolean;
  timeout: number;
  autoconnect: false;
  preserveAddress: boolean;
}) => OnvifCamInstance;

/** How long one SOAP request may take before it counts as failed; a PTZ key must not hang for minutes. */
const REQUEST_TIMEOUT_MS = 5000;

const ActiveSourceSchema = z.object({ profileToken: z.string().min(1) });
// xml2js shape of <SetPresetResponse><PresetToken>..</PresetToken></SetPresetResponse>, tags lower-cased by the package.
const SetPresetReplySchema = z.tuple([z.object({ setPresetResponse: z.tuple([z.object({ presetToken: z.tuple([z.string()]) })]) })]);

/** Turns a callback call of the onvif package into a promise, with errors worded for an operator. */
function call<T = unknown>(action: string, invoke: (callback: OnvifCallback) => void): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    try {
      invoke((error, data) => {
        if (error) reject(new PtzDeviceError(`ONVIF ${action} failed: ${error.message}`));
        else resolve(data as T | undefined);
      });
    } catch (error) {
      reject(new PtzDeviceError(`ONVIF ${action} failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  });
}

/** Reads the preset token the camera assigned from a SetPreset answer, when it names one. */
export function presetTokenFromReply(data: unknown): string | undefined {
  const parsed = SetPresetReplySchema.safeParse(data);
  return parsed.success ? parsed.data[0].setPresetResponse[0].presetToken[0] : undefined;
}

/** A typed facade over one `onvif` Cam: connect once, then the five PTZ operations Pantau uses. */
export class OnvifCamera {
  readonly #cam: OnvifCamInstance;
  #profileToken: string | undefined;

  constructor(config: OnvifConfig) {
    const url = new URL(config.url);
    const secure = url.protocol === 'https:';
    const Cam = (require('onvif') as { Cam: OnvifCamClass }).Cam;
    this.#cam = new Cam({
      hostname: url.hostname,
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: url.pathname,
      ...(config.username === '' ? {} : { username: config.username, password: config.password }),
      useSecure: secure,
      timeout: REQUEST_TIMEOUT_MS,
      autoconnect: false,
      // Cameras behind NAT report service addresses the server cannot reach: keep the configured host.
      preserveAddress: true,
    });
    this.#profileToken = config.profileToken;
  }

  /** Reads the device's services and profiles; resolves with the profile token PTZ commands will use. */
  async connect(): Promise<string> {
    await call('connect', (callback) => this.#cam.connect(callback));
    if (this.#profileToken === undefined) {
      const source = ActiveSourceSchema.safeParse(this.#cam.activeSource);
      if (!source.success) throw new PtzDeviceError('the camera reported no media profile; set onvif.profileToken in the catalogue');
      this.#profileToken = source.data.profileToken;
    }
    return this.#profileToken;
  }

  async continuousMove(x: number, y: number, zoom: number): Promise<void> {
    await call('ContinuousMove', (callback) => this.#cam.continuousMove({ ...this.#profile(), x, y, zoom }, callback));
  }

  async stop(): Promise<void> {
    await call('Stop', (callback) => this.#cam.stop({ ...this.#profile(), panTilt: true, zoom: true }, callback));
  }

  async gotoPreset(presetToken: string): Promise<void> {
    await call('GotoPreset', (callback) => this.#cam.gotoPreset({ ...this.#profile(), preset: presetToken }, callback));
  }

  /** Stores the current position; resolves with the token the camera gave the preset. */
  async setPreset(presetName: string, presetToken: string | undefined): Promise<string | undefined> {
    const data = await call('SetPreset', (callback) =>
      this.#cam.setPreset({ ...this.#profile(), presetName, ...(presetToken === undefined ? {} : { presetToken }) }, callback),
    );
    return presetTokenFromReply(data);
  }

  async gotoHomePosition(): Promise<void> {
    await call('GotoHomePosition', (callback) => this.#cam.gotoHomePosition(this.#profile(), callback));
  }

  #profile(): { profileToken: string } {
    if (this.#profileToken === undefined) throw new PtzDeviceError('not connected to the camera yet');
    return { profileToken: this.#profileToken };
  }
}
