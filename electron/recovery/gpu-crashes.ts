/** After this many GPU process crashes the next start runs without hardware acceleration. */
export const GPU_CRASHES_BEFORE_FALLBACK = 3;

export interface GpuState {
  gpuCrashCount: number;
  hardwareAccelerationDisabled: boolean;
}

/**
 * The GPU state after one more GPU process crash: counted, and once the count reaches the
 * threshold, hardware acceleration is switched off for the next start (persisted by the caller)
 * and the count starts again.
 */
export function afterGpuCrash(state: GpuState, threshold = GPU_CRASHES_BEFORE_FALLBACK): GpuState & { fallBackNow: boolean } {
  const count = state.gpuCrashCount + 1;
  if (count >= threshold && !state.hardwareAccelerationDisabled) return { gpuCrashCount: 0, hardwareAccelerationDisabled: true, fallBackNow: true };
  return { gpuCrashCount: count, hardwareAccelerationDisabled: state.hardwareAccelerationDisabled, fallBackNow: false };
}

/** The GPU state when IT asks to try hardware acceleration again (`--reset-gpu-fallback`). */
export function resetGpuFallback(): GpuState {
  return { gpuCrashCount: 0, hardwareAccelerationDisabled: false };
}
