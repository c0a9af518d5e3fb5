import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSetupReply, setupBridgeFromPreload } from '../bridge/setup-bridge.js';
import { ServerCheckSchema } from '../../protocol/workstation-config-setup.js';
import { defaultAssignments, enrolmentCodeValid, serverUrlOrError, validateSetupForm, type SetupFormValues } from './setup-form.js';
import { setupStrings } from './strings.js';

const id = setupStrings('id');
const en = setupStrings('en');
const filled: SetupFormValues = { serverUrl: '10.10.1.5:8080', wallId: 'tmc', language: 'id', wallScreens: ['1', '2', 'map'], assignments: { '1': 2, '2': 1, map: null } };

test('a filled form becomes the save request: the address normalised, unshown screens left out', () => {
  const result = validateSetupForm(filled, [], id);
  assert.deepEqual(result, {
    ok: true,
    request: { serverUrl: 'http://10.10.1.5:8080', wallId: 'tmc', language: 'id', screens: [{ screenId: '1', display: { position: 2 } }, { screenId: '2', display: { position: 1 } }] },
  });
});

test('every problem is named in words, in the setup language', () => {
  const result = validateSetupForm({ ...filled, serverUrl: 'ftp://x', wallId: 'Wall 1', assignments: { '1': 1, '2': 1, map: null } }, [], id);
  assert.ok(!result.ok);
  assert.deepEqual(result.errors.map((e) => e.field), ['serverUrl', 'wallId', 'screens']);
  assert.match(result.errors[0]?.message ?? '', /Alamat server tidak sah/);
  assert.match(result.errors[2]?.message ?? '', /Monitor 1 dipilih untuk layar 1 dan 2/);
  const english = validateSetupForm({ ...filled, serverUrl: '', wallScreens: null }, [], en);
  assert.ok(!english.ok);
  assert.deepEqual(english.errors.map((e) => e.message), ['Enter the server address.', "Show the wall's screens first."]);
  const none = validateSetupForm({ ...filled, assignments: {} }, [], en);
  assert.ok(!none.ok && none.errors[0]?.message === 'Choose a display for at least one screen.');
});

test('locked keys are neither checked nor sent', () => {
  const result = validateSetupForm({ ...filled, wallId: '', wallScreens: null }, ['wallId', 'screens', 'language'], id);
  assert.deepEqual(result, { ok: true, request: { serverUrl: 'http://10.10.1.5:8080' } });
});

test('screens take the displays in order by default, keeping choices already made', () => {
  assert.deepEqual(defaultAssignments(['1', '2', '3'], 2), { '1': 1, '2': 2, '3': null });
  assert.deepEqual(defaultAssignments(['1', '2'], 2, { '2': 1 }), { '1': 2, '2': 1 });
});

test('codes and addresses as typed', () => {
  assert.ok(enrolmentCodeValid('7kqm-r2xd'));
  assert.ok(!enrolmentCodeValid('7KQM-R2X0'), 'no zero in the alphabet');
  assert.deepEqual(serverUrlOrError('https://pantau.example/', en), { ok: true, url: 'https://pantau.example' });
});

test('the bridge accepts only answers of the expected shape, and only from a complete setup surface', async () => {
  assert.deepEqual(parseSetupReply({ ok: false, error: 'refused: sent from a window the shell did not create' }, ServerCheckSchema), { ok: false, error: 'refused: sent from a window the shell did not create' });
  const odd = parseSetupReply({ ok: true, value: { ok: true } }, ServerCheckSchema);
  assert.ok(!odd.ok && /not understood/.test(odd.error));
  assert.equal(setupBridgeFromPreload({ identifyDisplays: async () => ({ ok: true, value: 1 }) }), null, 'a wall window has no setup');
  const calls: unknown[][] = [];
  const invoke = async (...args: unknown[]) => (calls.push(args), { ok: true, value: { saved: true } });
  const bridge = setupBridgeFromPreload({ setup: { describe: invoke, checkServer: invoke, listScreens: invoke, enrol: invoke, save: invoke }, identifyDisplays: async () => ({ ok: true, value: 2 }) });
  assert.ok(bridge);
  assert.deepEqual(await bridge.save({ wallId: 'tmc' }), { ok: true, value: { saved: true } });
  assert.deepEqual(calls, [[{ wallId: 'tmc' }]]);
  assert.equal(await bridge.identifyDisplays(), true);
});
