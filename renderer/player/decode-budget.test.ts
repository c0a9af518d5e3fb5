import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUDGET_LEVELS, DEFAULT_BUDGET, initialBudget, stepBudget, type BudgetState } from './decode-budget.js';

/** Feeds seconds `from`..`to` with the given drop share. */
function feed(state: BudgetState, from: number, to: number, dropShare: number): BudgetState {
  let current = state;
  for (let t = from; t <= to; t++) current = stepBudget(current, t, 400, 400 * dropShare);
  return current;
}

test('a healthy window stays at full budget', () => {
  assert.equal(feed(initialBudget(0), 0, 300, 0.005).level, 0);
});

test('a window dropping frames steps down after three bad seconds, then further if it keeps dropping', () => {
  const stepped = feed(initialBudget(0), 0, 7, 0.2);
  assert.equal(BUDGET_LEVELS[stepped.level]?.name, 'relaxed');
  assert.equal(stepped.changedAt, 6, 'samples of the settling seconds after start are ignored');
  const further = feed(stepped, 8, 20, 0.2);
  assert.equal(BUDGET_LEVELS[further.level]?.name, 'sub-only');
});

test('a short burst of drops does not step down', () => {
  let state = feed(initialBudget(0), 0, 20, 0);
  state = feed(state, 21, 22, 0.5);
  state = feed(state, 23, 60, 0);
  assert.equal(state.level, 0);
});

test('after a quiet minute the window tries the higher level again; a failed try doubles the wait', () => {
  const down = feed(initialBudget(0), 0, 7, 0.2);
  const retried = feed(down, 8, 6 + DEFAULT_BUDGET.retryAfterSeconds, 0);
  assert.equal(retried.level, 0, 'back to full after the retry delay');
  const failed = feed(retried, retried.changedAt + 1, retried.changedAt + 10, 0.2);
  assert.equal(failed.level, 1);
  assert.equal(failed.retryDelay, DEFAULT_BUDGET.retryAfterSeconds * 2);
});
