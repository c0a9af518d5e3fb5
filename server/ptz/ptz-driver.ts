import type { PtzVelocity } from '../../protocol/ptz.js';

/**
 * What the PTZ service asks of one camera, whatever speaks to it (ONVIF, the simulator).
 * Each call resolves when the camera accepted the command, or rejects with a PtzDeviceError.
 */
export interface PtzDriver {
  move(velocity: PtzVelocity): Promise<void>;
  stop(): Promise<void>;
  gotoPreset(preset: number): Promise<void>;
  savePreset(preset: number): Promise<void>;
  home(): Promise<void>;
  close(): Promise<void>;
}

/** A camera refused or failed a command; the message says why in words an operator can read. */
export class PtzDeviceError extends Error {
  override readonly name = 'PtzDeviceError';
}
