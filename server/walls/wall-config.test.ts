import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalogue } from '../catalogue/camera-catalogue.js';
import { ConfigFileError } from '../config/json-file.js';
import { defaultServerOptions } from '../config/server-options.js';
import { loadWalls, parseWalls } from './wall-config.js';

const defaults = defaultServerOptions();

test('the demo catalogue and walls load: 8 Surakarta cameras, a 2x2 screen', async () => {
  const catalogue = await loadCatalogue(defaults.cataloguePath);
  const walls = await loadWalls(defaults.wallsPath, catalogue);
  assert.equal(catalogue.cameras.length, 8);
  for (const camera of catalogue.cameras) {
    assert.ok(camera.location.latitude > -7.6 && camera.location.latitude < -7.52, `${camera.id} lies in Surakarta`);
    assert.ok(camera.location.longitude > 110.76 && camera.location.longitude < 110.87, `${camera.id} lies in Surakarta`);
  }
  const screen = walls[0]?.screens[0];
  assert.deepEqual([screen?.layout.columns, screen?.layout.rows, screen?.layout.cameras.length], [2, 2, 4]);
});

test('a walls file naming a camera the catalogue lacks is refused at that tile', async () => {
  const catalogue = await loadCatalogue(defaults.cataloguePath);
  const json = { walls: [{ id: 'w', name: 'W', screens: [{ id: '1', name: 'S', role: 'grid', layout: { columns: 1, rows: 2, cameras: ['solo-gladak', 'solo-nowhere'] } }] }] };
  assert.throws(
    () => parseWalls('walls.json', json, catalogue),
    (error: unknown) =>
      error instanceof ConfigFileError &&
      error.issues.length === 1 &&
      error.issues[0]?.field === 'walls.0.screens.0.layout.cameras.1' &&
      /solo-nowhere/.test(error.message),
  );
});

test('a layout with more cameras than tiles is refused', async () => {
  const catalogue = await loadCatalogue(defaults.cataloguePath);
  const json = { walls: [{ id: 'w', name: 'W', screens: [{ id: '1', name: 'S', role: 'grid', layout: { columns: 1, rows: 1, cameras: ['solo-gladak', 'solo-jurug'] } }] }] };
  assert.throws(() => parseWalls('walls.json', json, catalogue), /walls\.0\.screens\.0\.layout\.cameras: more cameras than tiles/);
});
