import {
  LayoutSchema,
  WallsFileSchema,
  describeIssues,
  regularGrid,
  templateLayout,
  type FieldIssue,
  type Layout,
  type ScreenConfig,
  type TileContent,
  type WallConfig,
  type WallState,
  type WallsFile,
} from '../../protocol/index.js';
import type { CameraCatalogue } from '../catalogue/camera-catalogue.js';
import { ConfigFileError, parseConfig, readJsonFile } from '../config/json-file.js';
import { initialScreen } from '../state/apply-intent.js';

/** The layout a screen's configuration describes, validated; issues name what is wrong. */
export function layoutOfConfig(screen: ScreenConfig): { layout: Layout } | { issues: FieldIssue[] } {
  if (typeof screen.layout === 'string') return { layout: templateLayout(screen.layout) };
  const { columns, rows, cells } = screen.layout;
  const candidate: Layout = cells ? { template: 'custom', columns, rows, cells } : regularGrid(columns, rows);
  const parsed = LayoutSchema.safeParse(candidate);
  if (!parsed.success) return { issues: describeIssues(parsed.error) };
  return { layout: parsed.data };
}

/** What a screen's tiles show at first: `tiles`, else `cameras` (or the first-version `layout.cameras`). */
export function contentsOfConfig(screen: ScreenConfig): TileContent[] {
  if (screen.tiles) return screen.tiles;
  const cameras = screen.cameras ?? (typeof screen.layout === 'string' ? undefined : screen.layout.cameras) ?? [];
  return cameras.map((cameraId) => (cameraId === null ? { kind: 'blank' } : { kind: 'camera', cameraId }));
}

function camerasOfContent(content: TileContent): string[] {
  if (content.kind === 'camera') return [content.cameraId];
  if (content.kind === 'tour') return content.cameraIds;
  return [];
}

/** Fields of a walls file that name cameras the catalogue does not have, repeat an id, or do not fit. */
export function crossCheckWalls(walls: WallsFile, catalogue: CameraCatalogue): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const wallIds = new Set<string>();
  const unknownCamera = (cameraId: string) => !catalogue.get(cameraId);
  walls.walls.forEach((wall, wallIndex) => {
    if (wallIds.has(wall.id)) issues.push({ field: `walls.${wallIndex}.id`, reason: `duplicate wall id "${wall.id}"` });
    wallIds.add(wall.id);
    const screenIds = new Set<string>();
    wall.screens.forEach((screen, screenIndex) => {
      const at = `walls.${wallIndex}.screens.${screenIndex}`;
      if (screenIds.has(screen.id)) issues.push({ field: `${at}.id`, reason: `duplicate screen id "${screen.id}"` });
      screenIds.add(screen.id);
      const layout = layoutOfConfig(screen);
      if ('issues' in layout) {
        issues.push(...layout.issues.map((issue) => ({ field: `${at}.layout.${issue.field}`, reason: issue.reason })));
        return;
      }
      const contents = contentsOfConfig(screen);
      if (contents.length > layout.layout.cells.length) {
        issues.push({ field: `${at}.${screen.tiles ? 'tiles' : 'cameras'}`, reason: `${contents.length} tiles given for a layout of ${layout.layout.cells.length}` });
      }
      contents.forEach((content, tileIndex) => {
        for (const cameraId of camerasOfContent(content).filter(unknownCamera)) {
          issues.push({ field: `${at}.tiles.${tileIndex}`, reason: `camera "${cameraId}" is not in the catalogue` });
        }
      });
    });
    if (wall.alarmScreen !== undefined && !screenIds.has(wall.alarmScreen)) {
      issues.push({ field: `walls.${wallIndex}.alarmScreen`, reason: `no screen "${wall.alarmScreen}" on this wall` });
    }
    wall.groups.forEach((group, groupIndex) => {
      group.cameraIds.filter(unknownCamera).forEach((cameraId) => {
        issues.push({ field: `walls.${wallIndex}.groups.${groupIndex}.cameraIds`, reason: `camera "${cameraId}" is not in the catalogue` });
      });
    });
  });
  return issues;
}

/** Validates parsed JSON as a whole walls file (walls and map settings) whose cameras all exist in the catalogue. */
export function parseWallsFile(file: string, json: unknown, catalogue: CameraCatalogue): WallsFile {
  const walls = parseConfig(file, WallsFileSchema, json);
  const issues = crossCheckWalls(walls, catalogue);
  if (issues.length > 0) throw new ConfigFileError(file, issues);
  return walls;
}

/** Validates parsed JSON as a walls file whose cameras all exist in the catalogue; the walls only. */
export function parseWalls(file: string, json: unknown, catalogue: CameraCatalogue): WallConfig[] {
  return parseWallsFile(file, json, catalogue).walls;
}

/** Loads a walls file and checks it against the catalogue. */
export async function loadWalls(file: string, catalogue: CameraCatalogue): Promise<WallConfig[]> {
  return (await loadWallsFile(file, catalogue)).walls;
}

/** Loads a whole walls file (walls and the deployment's map settings) and checks it against the catalogue. */
export async function loadWallsFile(file: string, catalogue: CameraCatalogue): Promise<WallsFile> {
  return parseWallsFile(file, await readJsonFile(file), catalogue);
}

/** A wall's first state, from a checked configuration. */
export function initialWallState(wall: WallConfig): WallState {
  return {
    id: wall.id,
    name: wall.name,
    sequence: 0,
    screens: wall.screens.map((screen) => {
      const layout = layoutOfConfig(screen);
      // crossCheckWalls refused bad layouts already; a 1x1 grid is only a type-level fallback.
      return initialScreen(screen.id, screen.name, 'layout' in layout ? layout.layout : regularGrid(1, 1), contentsOfConfig(screen));
    }),
    presets: [],
    pins: [],
    groups: wall.groups,
    briefing: { incidentIds: [], index: 0 },
    alarmScreenId: wall.alarmScreen ?? null,
  };
}

/**
 * A stored wall state brought in line with the walls file: screens added to the file appear,
 * screens removed from it go (with their pins), names, groups and the alarm screen follow the file.
 */
export function reconcileWithConfig(stored: WallState, wall: WallConfig): WallState {
  const fresh = initialWallState(wall);
  const screens = fresh.screens.map((screen) => {
    const kept = stored.screens.find((candidate) => candidate.id === screen.id);
    return kept ? { ...kept, name: screen.name } : screen;
  });
  const screenIds = new Set(screens.map((screen) => screen.id));
  return {
    ...stored,
    name: wall.name,
    screens,
    pins: stored.pins.filter((pin) => screenIds.has(pin.screenId)),
    groups: wall.groups,
    alarmScreenId: fresh.alarmScreenId,
  };
}
