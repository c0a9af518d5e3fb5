import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalogue } from '../catalogue/camera-catalogue.js';
import { ConfigFileError } from '../config/json-file.js';
import { defaultServerOptions } from '../config/server-options.js';
import { initialWallState, loadWalls, parseWalls, parseWallsFile, reconcileWithConfig } from './wall-config.js';

const defaults = defaultServerOptions();

test('the demo catalogue and walls load: Surakarta cameras, every screen laid out', async () => {
  const catalogue = await loadCatalogue(defaults.cataloguePath);
  const walls = await loadWalls(defaults.wallsPath, catalogue);
  assert.ok(catalogue.cameras.length >= 8);
  for (const camera of catalogue.cameras) {
    assert.ok(camera.location.latitude > -7.6 && camera.location.latitude < -7.52, `${camera.id} lies in Surakarta`);
    assert.ok(camera.location.longitude > 110.76 && camera.location.longitude < 110.87, `${camera.id} lies in Surakarta`);
  }
  const state = initialWallState(walls[0]!);
  assert.ok(state.screens.length >= 2);
  assert.ok(state.screens.every((screen) => screen.tiles.length === screen.layout.cells.length));
});

test('a walls file naming a camera the catalogue lacks is refused at that tile', async () => {
  const catalogue = await loadCatalogue(defaults.cataloguePath);
  const json = { walls: [{ id: 'w', name: 'W', screens: [{ id: '1', name: 'S', layout: { columns: 1, rows: 2 }, cameras: ['solo-gladak', 'solo-nowhere'] }] }] };
  assert.throws(
    () => parseWalls('walls.json', json, catalogue),
    (error: unknown) => error instanceof ConfigFileError && error.issues.length === 1 && error.issues[0]?.field === 'walls.0.screens.0.tiles.1' && /solo-nowhere/.test(error.message),
  );
});

test('more cameras than tiles, overlapping cells and an unknown alarm screen are each refused by field', async () => {
  const catalogue = await loadCatalogue(defaults.cataloguePath);
  const tooMany = { walls: [{ id: 'w', name: 'W', screens: [{ id: '1', name: 'S', layout: '1', cameras: ['solo-gladak', 'solo-jurug'] }] }] };
  assert.throws(() => parseWalls('walls.json', tooMany, catalogue), /walls\.0\.screens\.0\.cameras: 2 tiles given for a layout of 1/);
  const overlap = { walls: [{ id: 'w', name: 'W', screens: [{ id: '1', name: 'S', layout: { columns: 2, rows: 2, cells: [{ row: 0, column: 0, rowSpan: 2, columnSpan: 2 }, { row: 1, column: 1, rowSpan: 1, columnSpan: 1 }] } }] }] };
  assert.throws(() => parseWalls('walls.json', overlap, catalogue), /walls\.0\.screens\.0\.layout\.cells\.1: cell 2 overlaps another cell at row 2, column 2/);
  const alarm = { walls: [{ id: 'w', name: 'W', alarmScreen: '9', screens: [{ id: '1', name: 'S', layout: '2x2' }] }] };
  assert.throws(() => parseWalls('walls.json', alarm, catalogue), /walls\.0\.alarmScreen: no screen "9"/);
});

test('first-version walls files (layout with cameras) still load', async () => {
  const catalogue = await loadCatalogue(defaults.cataloguePath);
  const json = { walls: [{ id: 'w', name: 'W', screens: [{ id: '1', name: 'S', role: 'grid', layout: { columns: 2, rows: 1, cameras: ['solo-gladak', null] } }] }] };
  const state = initialWallState(parseWalls('walls.json', json, catalogue)[0]!);
  assert.deepEqual(state.screens[0]?.tiles.map((tile) => tile.content), [{ kind: 'camera', cameraId: 'solo-gladak' }, { kind: 'blank' }]);
});

test('a stored wall follows the walls file: new screens appear, removed ones go with their pins, layouts stay', async () => {
  const catalogue = await loadCatalogue(defaults.cataloguePath);
  const [before] = parseWalls('walls.json', { walls: [{ id: 'w', name: 'W', screens: [{ id: '1', name: 'A', layout: '2x2' }, { id: '2', name: 'B', layout: '1' }] }] }, catalogue);
  const stored = initialWallState(before!);
  stored.screens[0] = { ...stored.screens[0]!, layout: { ...stored.screens[0]!.layout }, version: 7 };
  stored.pins = [{ screenId: '2', cameraId: 'solo-gladak', tileIndex: null, by: 'x', at: '2026-11-23T00:00:00.000Z' }];
  const [after] = parseWalls('walls.json', { walls: [{ id: 'w', name: 'W2', screens: [{ id: '1', name: 'A2', layout: '1' }, { id: '3', name: 'C', layout: '3x3' }] }] }, catalogue);
  const reconciled = reconcileWithConfig(stored, after!);
  assert.deepEqual(reconciled.screens.map((screen) => [screen.id, screen.name, screen.version]), [['1', 'A2', 7], ['3', 'C', 0]]);
  assert.equal(reconciled.screens[0]?.layout.template, '2x2');
  assert.deepEqual(reconciled.pins, []);
});

test('the map section of the walls file is read once for the deployment; a secret Mapbox token is refused at start', async () => {
  const catalogue = await loadCatalogue(defaults.cataloguePath);
  const walls = [{ id: 'w', name: 'W', screens: [{ id: '1', name: 'S', layout: '1', tiles: [{ kind: 'map' }] }] }];
  const map = { styleUrl: 'https://tiles.surakarta.go.id/style.json', home: { center: [110.82, -7.56], zoom: 13 } };
  assert.deepEqual(parseWallsFile('walls.json', { walls, map }, catalogue).map, map);
  const secret = 'sk.eyJ1IjoieCIsImEiOiJ5In0.c2VjcmV0';
  assert.throws(
    () => parseWallsFile('walls.json', { walls, map: { mapboxAccessToken: secret } }, catalogue),
    (error: unknown) => error instanceof ConfigFileError && error.issues[0]?.field === 'map.mapboxAccessToken' && /secret token/.test(error.message) && !error.message.includes(secret),
  );
});
