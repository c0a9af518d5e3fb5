/** How many relaunches after fatal errors are allowed within a window of time. */
export interface CrashLoopPolicy {
  maxRelaunches: number;
  withinMs: number;
}

export const DEFAULT_CRASH_LOOP_POLICY: CrashLoopPolicy = { maxRelaunches: 3, withinMs: 10 * 60_000 };

/**
 * Whether a fatal main-process error may relaunch the app: yes unless it already relaunched
 * `maxRelaunches` times within `withinMs` (then it exits and leaves the restart to the service
 * manager or IT, instead of spinning). Returns the relaunch times to persist.
 */
export function relaunchDecision(previous: readonly number[], now: number, policy: CrashLoopPolicy = DEFAULT_CRASH_LOOP_POLICY): { relaunch: boolean; times: number[] } {
  const recent = previous.filter((at) => now - at < policy.withinMs && at <= now);
  if (recent.length >= policy.maxRelaunches) return { relaunch: false, times: recent };
  return { relaunch: true, times: [...recent, now] };
}
