import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromiumSetup } from './chromium-switches.js';
import { relaunchDecision } from './crash-loop-guard.js';
import { crashFromRendererGone } from './crash-record.js';
import { afterGpuCrash } from './gpu-crashes.js';
import { nextRecoveryStep } from './reload-policy.js';

const minute = 60_000;

test('a crashing window is reloaded with a growing delay, capped; every third quick failure recreates it', () => {
  let history: number[] = [];
  const steps: string[] = [];
  let now = 0;
  for (let i = 0; i < 9; i++) {
    const next = nextRecoveryStep(history, now);
    history = next.history;
    steps.push(`${next.step.kind}:${next.step.delayMs}`);
    now += 5000;
  }
  assert.deepEqual(steps, ['reload:1000', 'reload:2000', 'recreate:4000', 'reload:8000', 'reload:16000', 'recreate:32000', 'reload:60000', 'reload:60000', 'recreate:60000']);
});

test('a window that ran well for a while starts again from the short delay', () => {
  const first = nextRecoveryStep([0, 1000, 2000], 3000);
  assert.equal(first.step.attempt, 3);
  const later = nextRecoveryStep(first.history, 3000 + 11 * minute);
  assert.deepEqual(later.step, { kind: 'reload', delayMs: 1000, attempt: 0 });
});

test('a fatal error relaunches the app, but not in a loop', () => {
  let times: number[] = [];
  const outcomes: boolean[] = [];
  for (let i = 0; i < 4; i++) {
    const decision = relaunchDecision(times, i * minute);
    outcomes.push(decision.relaunch);
    times = decision.times;
  }
  assert.deepEqual(outcomes, [true, true, true, false]);
  assert.equal(relaunchDecision(times, 30 * minute).relaunch, true, 'allowed again once the loop has cooled down');
});

test('GPU crashes are counted; the third switches hardware acceleration off for the next start', () => {
  let state = { gpuCrashCount: 0, hardwareAccelerationDisabled: false };
  const fallbacks: boolean[] = [];
  for (let i = 0; i < 3; i++) {
    const next = afterGpuCrash(state);
    fallbacks.push(next.fallBackNow);
    state = { gpuCrashCount: next.gpuCrashCount, hardwareAccelerationDisabled: next.hardwareAccelerationDisabled };
  }
  assert.deepEqual(fallbacks, [false, false, true]);
  assert.equal(state.hardwareAccelerationDisabled, true);
});

test('hardware decode per platform; one --enable-features switch', () => {
  const linuxAuto = chromiumSetup('linux', 'auto', false);
  assert.ok(linuxAuto.switches.some(([name]) => name === 'disable-accelerated-video-decode'));
  const linuxOn = chromiumSetup('linux', 'on', false);
  assert.equal(linuxOn.switches.filter(([name]) => name === 'enable-features').length, 1);
  assert.match(linuxOn.switches.find(([name]) => name === 'enable-features')?.[1] ?? '', /VaapiVideoDecoder/);
  const windows = chromiumSetup('win32', 'auto', false);
  assert.ok(!windows.switches.some(([name]) => name === 'disable-accelerated-video-decode'));
  assert.ok(windows.switches.some(([name, value]) => name === 'max-connections-per-host' && value === '32'));
  const degraded = chromiumSetup('win32', 'on', true);
  assert.equal(degraded.disableHardwareAcceleration, true);
  // Without the GPU the map still has WebGL2, in software: the map screen must not go dark.
  assert.ok(degraded.switches.some(([name]) => name === 'enable-unsafe-swiftshader'));
  assert.match(degraded.decodeNote, /GPU crashes/);
});

test('a renderer crash becomes a crash record; a clean exit does not', () => {
  assert.deepEqual(crashFromRendererGone({ reason: 'oom', exitCode: 9 }, new Date('2026-11-23T10:00:00Z')), { reason: 'renderer-oom', at: '2026-11-23T10:00:00.000Z', detail: 'oom (exit code 9)' });
  assert.equal(crashFromRendererGone({ reason: 'clean-exit', exitCode: 0 }, new Date()), null);
});
