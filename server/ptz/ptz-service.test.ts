import assert from 'node:assert/strict';
import test from 'node:test';
import type { Principal } from '../../protocol/auth.js';
import type { PtzLockState, PtzReply } from '../../protocol/ptz.js';
import { PtzService, type PtzClient } from './ptz-service.js';
import { SimulatedPtzDriver } from './simulated-driver.js';

const person = (userId: string, role: Principal['role'], walls: Principal['walls'] = '*'): Principal => ({ userId, name: userId.toUpperCase(), role, walls });
const ani: PtzClient = { clientId: 'ani-1', principal: person('ani', 'operator'), wallId: 'tmc' };
const budi: PtzClient = { clientId: 'budi-1', principal: person('budi', 'operator'), wallId: 'tmc' };
const sari: PtzClient = { clientId: 'sari-1', principal: person('sari', 'supervisor'), wallId: 'tmc' };
const viewer: PtzClient = { clientId: 'v-1', principal: person('vina', 'viewer'), wallId: 'tmc' };

function setup() {
  let now = 1_000_000;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const head = new SimulatedPtzDriver(clock.now);
  const service = new PtzService({ drivers: new Map([['ptz', head]]), now: clock.now, sweepEveryMs: 0 });
  const published: PtzLockState[] = [];
  service.onState((state) => published.push(state));
  return { clock, head, service, published };
}

const errorCode = (reply: PtzReply) => (reply.ok ? 'ok' : reply.error.code);
const right = { type: 'move', cameraId: 'ptz', pan: 0.5, tilt: 0, zoom: 0 } as const;

test('an operator moves a free camera and holds it; everyone is told who moves it', async () => {
  const { service, head, clock, published } = setup();
  const reply = await service.handle(ani, right);
  assert.equal(reply.ok && reply.state.holder?.name, 'ANI');
  clock.advance(200);
  assert.ok(head.position().pan > 0, 'the picture turns right');
  assert.deepEqual(published.at(-1)?.moving, { pan: 0.5, tilt: 0, zoom: 0 });
  assert.equal(published.at(-1)?.holder?.userId, 'ani');
});

test('a second operator is refused while the first holds the camera, and the camera does not change course', async () => {
  const { service, head } = setup();
  await service.handle(ani, right);
  const reply = await service.handle(budi, { ...right, pan: -1 });
  assert.equal(errorCode(reply), 'locked');
  assert.match(reply.ok ? '' : reply.error.message, /ANI/);
  assert.equal(head.velocity().pan, 0.5);
  assert.equal(errorCode(await service.handle(budi, { type: 'stop', cameraId: 'ptz' })), 'locked');
  assert.equal(head.velocity().pan, 0.5);
});

test('a viewer, or an operator of another wall, cannot steer; save-preset and take-over need a supervisor', async () => {
  const { service, head } = setup();
  assert.equal(errorCode(await service.handle(viewer, right)), 'forbidden');
  const elsewhere: PtzClient = { clientId: 'x', principal: person('eko', 'operator', ['other-wall']), wallId: 'tmc' };
  assert.equal(errorCode(await service.handle(elsewhere, right)), 'forbidden');
  assert.equal(errorCode(await service.handle(ani, { type: 'save-preset', cameraId: 'ptz', preset: 1 })), 'forbidden');
  assert.equal(errorCode(await service.handle(ani, { type: 'take-over', cameraId: 'ptz' })), 'forbidden');
  assert.deepEqual(head.velocity(), { pan: 0, tilt: 0, zoom: 0 });
  assert.deepEqual(service.states(), [], 'no refused command left a lock behind');
});

test('a supervisor takes over: the operator\'s move stops and the operator is locked out', async () => {
  const { service, head, published } = setup();
  await service.handle(ani, right);
  const reply = await service.handle(sari, { type: 'take-over', cameraId: 'ptz' });
  assert.equal(reply.ok && reply.state.holder?.userId, 'sari');
  assert.deepEqual(head.velocity(), { pan: 0, tilt: 0, zoom: 0 });
  assert.equal(published.at(-1)?.holder?.userId, 'sari');
  assert.equal(published.at(-1)?.moving, null);
  assert.equal(errorCode(await service.handle(ani, right)), 'locked');
  assert.equal(errorCode(await service.handle(sari, { type: 'save-preset', cameraId: 'ptz', preset: 2 })), 'ok');
});

test('a move the client stops repeating is stopped by the dead-man; repeats keep it going', async () => {
  const { service, head, clock } = setup();
  await service.handle(ani, right);
  for (let i = 0; i < 8; i++) {
    clock.advance(250);
    await service.handle(ani, right);
    await service.sweep();
  }
  assert.equal(head.velocity().pan, 0.5, 'still moving after 2 s of repeats');
  clock.advance(999);
  await service.sweep();
  assert.equal(head.velocity().pan, 0.5);
  clock.advance(1);
  await service.sweep();
  assert.deepEqual(head.velocity(), { pan: 0, tilt: 0, zoom: 0 }, 'stopped 1 s after the last repeat');
  const stoppedAt = head.position().pan;
  clock.advance(2000);
  assert.equal(head.position().pan, stoppedAt);
  assert.equal(service.stateOf('ptz').holder?.userId, 'ani', 'the operator still holds the camera');
});

test('a disconnected client\'s move stops and its locks are released', async () => {
  const { service, head } = setup();
  await service.handle(ani, right);
  await service.clientGone(ani.clientId);
  assert.deepEqual(head.velocity(), { pan: 0, tilt: 0, zoom: 0 });
  assert.equal(service.stateOf('ptz').holder, null);
  assert.equal(errorCode(await service.handle(budi, right)), 'ok');
});

test('a lock nobody uses is released after the idle timeout', async () => {
  const { service, clock } = setup();
  await service.handle(ani, { type: 'acquire', cameraId: 'ptz' });
  clock.advance(29_999);
  await service.sweep();
  assert.equal(service.stateOf('ptz').holder?.userId, 'ani');
  clock.advance(1);
  await service.sweep();
  assert.equal(service.stateOf('ptz').holder, null);
});

test('a client sending too fast is refused without effect, but its stop always gets through', async () => {
  const { service, head } = setup();
  const replies: string[] = [];
  for (let i = 0; i < 25; i++) replies.push(errorCode(await service.handle(ani, { ...right, pan: i % 2 === 0 ? 0.5 : 0.25 })));
  assert.equal(replies.filter((code) => code === 'ok').length, 20);
  assert.equal(replies.at(-1), 'rate-limited');
  assert.equal(head.velocity().pan, 0.25, 'the last accepted move is the one in force');
  assert.equal(errorCode(await service.handle(ani, { type: 'stop', cameraId: 'ptz' })), 'ok');
  assert.deepEqual(head.velocity(), { pan: 0, tilt: 0, zoom: 0 });
  assert.equal(errorCode(await service.handle(budi, right)), 'locked', 'another client has its own budget; the lock still holds');
});

test('presets and home, an unknown camera, and a preset the camera does not have', async () => {
  const { service, head, clock } = setup();
  await service.handle(sari, right);
  clock.advance(1000);
  await service.handle(sari, { type: 'save-preset', cameraId: 'ptz', preset: 5 });
  const saved = head.position();
  await service.handle(sari, { type: 'home', cameraId: 'ptz' });
  assert.deepEqual(head.position(), { pan: 0, tilt: 0, zoom: 1 });
  assert.equal(service.stateOf('ptz').moving, null, 'home stops the move');
  await service.handle(sari, { type: 'goto-preset', cameraId: 'ptz', preset: 5 });
  assert.deepEqual(head.position(), saved);
  assert.equal(errorCode(await service.handle(sari, { type: 'goto-preset', cameraId: 'ptz', preset: 6 })), 'device-error');
  assert.equal(errorCode(await service.handle(sari, { type: 'home', cameraId: 'gone' })), 'not-found');
});
