import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anyStillWaiting, tilesAwaitingData } from './stale-tiles.js';

const mapWith = (states: string[]) => {
  const tiles = states.map((state) => ({ state }));
  return { tiles, map: { style: { tileManagers: { incidents: { _inViewTiles: { getAllTiles: () => tiles } } } } } };
};

test('the tiles an update marked are tracked; tiles already loaded are not', () => {
  const { map } = mapWith(['loaded', 'reloading', 'loading', 'errored']);
  assert.deepEqual(tilesAwaitingData(map, 'incidents')?.map((tile) => tile.state), ['reloading', 'loading']);
});

test('the update is on screen once every tracked tile is loaded, errored or gone', () => {
  const { map, tiles } = mapWith(['reloading', 'loading', 'loaded']);
  const tracked = tilesAwaitingData(map, 'incidents') ?? [];
  assert.equal(anyStillWaiting(tracked), true);
  tiles[0]!.state = 'loaded';
  assert.equal(anyStillWaiting(tracked), true, 'one tile still loading');
  tiles[1]!.state = 'unloaded';
  assert.equal(anyStillWaiting(tracked), false);
});

test('an engine without maplibre internals gets null, so the caller waits for the whole source', () => {
  assert.equal(tilesAwaitingData({}, 'incidents'), null);
  assert.equal(tilesAwaitingData({ style: { tileManagers: { incidents: { _inViewTiles: { getAllTiles: () => [{ nope: 1 }] } } } } }, 'incidents'), null);
});
