import { CatalogueFileSchema, type CatalogueCamera } from '../../protocol/index.js';
import { parseConfig, readJsonFile } from '../config/json-file.js';

/** The cameras the server knows, by id. */
export class CameraCatalogue {
  readonly #byId: ReadonlyMap<string, CatalogueCamera>;
  readonly #byNumber: ReadonlyMap<number, CatalogueCamera>;
  readonly #numberOf: ReadonlyMap<string, number>;

  constructor(readonly cameras: readonly CatalogueCamera[]) {
    this.#byId = new Map(cameras.map((camera) => [camera.id, camera]));
    this.#numberOf = new Map(cameras.map((camera, index) => [camera.id, camera.number ?? index + 1]));
    this.#byNumber = new Map(cameras.map((camera, index) => [camera.number ?? index + 1, camera]));
  }

  /** The camera operators reach by typing this number, or undefined. */
  byNumber(number: number): CatalogueCamera | undefined {
    return this.#byNumber.get(number);
  }

  /** The keypad number of a camera (its own, or its position in the file from 1). */
  numberOf(id: string): number | undefined {
    return this.#numberOf.get(id);
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
