import type { ShellStatus } from '../../protocol/health.js';
import { HealthReportSchema, type HealthReport, type TileHealth, type TileHealthState } from '../../protocol/health.js';
import type { ScreenTarget } from '../../protocol/index.js';

/** One tile as the grid knows it: its camera and, when a player runs, its latest stats. */
export interface TileSnapshot {
  cameraId: string | null;
  /** The watchdog's status ('live', 'stalled', ...) or 'unsupported' for a codec the runtime cannot play. */
  status: string | null;
  framesPerSecond: number;
  droppedFrames: number;
  totalFrames: number;
}

export interface ScreenHealthInputs {
  target: ScreenTarget;
  tiles: readonly TileSnapshot[];
  /** From the Electron shell; null in a plain browser. */
  shell: ShellStatus | null;
  appVersion: string;
  /** The page's JS heap in MB when the runtime tells (performance.memory in Chromium). */
  memoryMb: number | null;
  uptimeSeconds: number;
}

const KNOWN_STATES = new Set<string>(['connecting', 'live', 'stalled', 'reconnecting', 'offline', 'paused', 'unsupported']);

function tileState(tile: TileSnapshot): TileHealthState {
  if (tile.cameraId === null) return 'empty';
  if (tile.status === null) return 'connecting';
  // An unknown status is never reported as live: a frozen frame must not look healthy.
  return KNOWN_STATES.has(tile.status) ? (tile.status as TileHealthState) : 'offline';
}

const finite = (value: number, max: number): number => (Number.isFinite(value) ? Math.min(max, Math.max(0, value)) : 0);

/**
 * The health report of one screen from its tiles and the shell's status: what the grid sends
 * every few seconds (HEALTH_EVENTS.report). Pure, so the grid only gathers its tiles' stats.
 */
export function collectScreenHealth(inputs: ScreenHealthInputs): HealthReport {
  const tiles: TileHealth[] = inputs.tiles.slice(0, 64).map((tile, index) => ({
    tile: index,
    cameraId: tile.cameraId,
    state: tileState(tile),
    framesPerSecond: Math.round(finite(tile.framesPerSecond, 1000) * 10) / 10,
    droppedFrames: Math.round(finite(tile.droppedFrames, Number.MAX_SAFE_INTEGER)),
    totalFrames: Math.round(finite(tile.totalFrames, Number.MAX_SAFE_INTEGER)),
  }));
  const report: HealthReport = {
    wallId: inputs.target.wallId,
    screenId: inputs.target.screenId,
    workstationName: inputs.shell?.workstationName ?? 'browser',
    client: inputs.shell ? 'electron' : 'browser',
    appVersion: (inputs.shell?.appVersion ?? inputs.appVersion).slice(0, 40),
    tiles,
    framesPerSecond: Math.round(tiles.filter((t) => t.state === 'live').reduce((sum, t) => sum + t.framesPerSecond, 0) * 10) / 10,
    droppedFrames: tiles.reduce((sum, t) => sum + t.droppedFrames, 0),
    memoryMb: inputs.memoryMb === null ? null : Math.round(finite(inputs.memoryMb, 1_000_000)),
    restarts: inputs.shell?.restarts ?? 0,
    lastCrash: inputs.shell?.lastCrash ?? null,
    unassignedScreens: inputs.shell?.unassignedScreens ?? [],
    warnings: inputs.shell?.warnings ?? [],
    uptimeSeconds: Math.max(0, Math.floor(inputs.uptimeSeconds)),
  };
  // The schema is the contract with the server: a report it would refuse is a bug here.
  return HealthReportSchema.parse(report);
}

/** The page's JS heap in MB where Chromium exposes it; null elsewhere. */
export function pageMemoryMb(): number | null {
  const memory = (globalThis.performance as { memory?: { usedJSHeapSize?: number } } | undefined)?.memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize / (1024 * 1024) : null;
}
