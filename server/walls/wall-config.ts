import { WallsFileSchema, type FieldIssue, type WallConfig, type WallsFile } from '../../protocol/index.js';
import type { CameraCatalogue } from '../catalogue/camera-catalogue.js';
import { ConfigFileError, parseConfig, readJsonFile } from '../config/json-file.js';

/** Fields of a walls file that name cameras the catalogue does not have, or repeat an id. */
export function crossCheckWalls(walls: WallsFile, catalogue: CameraCatalogue): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const wallIds = new Set<string>();
  walls.walls.forEach((wall, wallIndex) => {
    if (wallIds.has(wall.id)) issues.push({ field: `walls.${wallIndex}.id`, reason: `duplicate wall id "${wall.id}"` });
    wallIds.add(wall.id);
    const screenIds = new Set<string>();
    wall.screens.forEach((screen, screenIndex) => {
      const at = `walls.${wallIndex}.screens.${screenIndex}`;
      if (screenIds.has(screen.id)) issues.push({ field: `${at}.id`, reason: `duplicate screen id "${screen.id}"` });
      screenIds.add(screen.id);
      screen.layout.cameras.forEach((cameraId, tileIndex) => {
        if (cameraId !== null && !catalogue.get(cameraId)) {
          issues.push({ field: `${at}.layout.cameras.${tileIndex}`, reason: `camera "${cameraId}" is not in the catalogue` });
        }
      });
    });
  });
  return issues;
}

/** Validates parsed JSON as a walls file whose cameras all exist in the catalogue. */
export function parseWalls(file: string, json: unknown, catalogue: CameraCatalogue): WallConfig[] {
  const walls = parseConfig(file, WallsFileSchema, json);
  const issues = crossCheckWalls(walls, catalogue);
  if (issues.length > 0) throw new ConfigFileError(file, issues);
  return walls.walls;
}

/** Loads a walls file and checks it against the catalogue. */
export async function loadWalls(file: string, catalogue: CameraCatalogue): Promise<WallConfig[]> {
  return parseWalls(file, await readJsonFile(file), catalogue);
}
