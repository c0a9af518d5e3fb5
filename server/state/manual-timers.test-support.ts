import type { StartTimer } from './push-reverts.js';

/** A clock a test moves by hand: timers fire when it is moved past them; `now` reads the same clock. */
export function manualTimers(startAt = 0) {
  let now = startAt;
  const timers: { at: number; callback: () => void; cancelled: boolean }[] = [];
  const startTimer: StartTimer = (callback, milliseconds) => {
    const timer = { at: now + milliseconds, callback, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const advance = (milliseconds: number) => {
    now += milliseconds;
    for (const timer of timers.filter((candidate) => !candidate.cancelled && candidate.at <= now)) {
      timer.cancelled = true;
      timer.callback();
    }
  };
  return { startTimer, advance, now: () => new Date(now), live: () => timers.filter((timer) => !timer.cancelled).length };
}
