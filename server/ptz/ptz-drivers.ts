import type { CatalogueCamera } from '../../protocol/catalogue.js';
import { OnvifPtzDriver } from './onvif-driver.js';
import type { PtzDriver } from './ptz-driver.js';
import { SimulatedPtzDriver } from './simulated-driver.js';

/** A simulated PTZ camera and the head its picture follows. */
export interface SimulatedPtzCamera {
  camera: CatalogueCamera;
  driver: SimulatedPtzDriver;
}

export interface PtzDrivers {
  /** Every controllable camera's driver, by camera id. */
  drivers: Map<string, PtzDriver>;
  /** The simulated ones, for the simulator to render. */
  simulated: SimulatedPtzCamera[];
}

/**
 * A driver for every camera the server can steer: `simulated: "ptz"` cameras get an in-memory
 * head, cameras with an `onvif` entry are relayed to the device. Others have no PTZ control.
 */
export function createPtzDrivers(cameras: readonly CatalogueCamera[], now: () => number = Date.now): PtzDrivers {
  const drivers = new Map<string, PtzDriver>();
  const simulated: SimulatedPtzCamera[] = [];
  for (const camera of cameras) {
    if (camera.simulated === 'ptz') {
      const driver = new SimulatedPtzDriver(now);
      drivers.set(camera.id, driver);
      simulated.push({ camera, driver });
    } else if (camera.onvif) {
      drivers.set(camera.id, new OnvifPtzDriver(camera.onvif));
    }
  }
  return { drivers, simulated };
}
