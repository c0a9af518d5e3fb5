import { CatalogueFileSchema, type CatalogueCamera } from '../../protocol/index.js';
import { parseConfig, readJsonFile } from '../config/json-file.js';

/** The cameras the server knows, by id. */
export class CameraCatalogue {
  readonly #byId: ReadonlyMap<string, CatalogueCamera>;

  constructor(readonly cameras: readonly CatalogueCamera[]) {
    this.#byId = new Map(cameras.map((camera) => [camera.id, camera]));
  }

  /** The camera with this id, or undefined. */
  get(id: string): CatalogueCamera | undefined {
    return this.#byId.get(id);
  }

  /** Cameras the server's own simulator must publish, looping a cached clip. */
  clipCameras(): CatalogueCamera[] {
    return this.cameras.filter((camera) => camera.simulated === 'clip');
  }

  /** Cameras the simulator encodes live with a time code in every frame. */
  clockCameras(): CatalogueCamera[] {
    return this.cameras.filter((camera) => camera.simulated === 'clock');
  }
}

/** Builds a catalogue from parsed JSON, refusing bad fields with a ConfigFileError. */
export function parseCatalogue(file: string, json: unknown): CameraCatalogue {
  return new CameraCatalogue(parseConfig(file, CatalogueFileSchema, json).cameras);
}

/** Loads and validates a catalogue file. */
export async function loadCatalogue(file: string): Promise<CameraCatalogue> {
  return parseCatalogue(file, await readJsonFile(file));
}
