import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseServerArgs } from './server-options.js';

test('defaults: loopback only, port 8080, media on its own ports, simulator on', () => {
  const options = parseServerArgs([]);
  assert.ok(options !== 'help');
  assert.deepEqual([options.host, options.port, options.rtmpPort, options.mediaHttpPort, options.simulate], ['127.0.0.1', 8080, 1935, 8000, true]);
});

test('--port N moves the web wall and socket.io', () => {
  const options = parseServerArgs(['--port', '9090', '--no-simulator']);
  assert.ok(options !== 'help');
  assert.equal(options.port, 9090);
  assert.equal(options.simulate, false);
});

test('bad flags are refused in one line that names them', () => {
  assert.throws(() => parseServerArgs(['--port', 'eighty']), /--port: "eighty" is not a port number/);
  assert.throws(() => parseServerArgs(['--port', '1935']), /must differ/);
  assert.throws(() => parseServerArgs(['--colour', 'red']), /colour/);
});
