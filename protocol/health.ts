import { z } from 'zod';
import { CameraIdSchema, IdSchema } from './catalogue.js';
import { ScreenIdSchema, WallIdSchema } from './walls.js';

/** Socket.io event names of the health channel. */
export const HEALTH_EVENTS = {
  /** screen -> server: a HealthReport, acknowledged with a HealthAck. */
  report: 'health:report',
  /** supervisor -> server, acknowledged with a HealthListReply; then `list` on every change. */
  subscribe: 'health:subscribe',
  unsubscribe: 'health:unsubscribe',
  /** server -> subscribed supervisors: the whole HealthList after each report or expiry. */
  list: 'health:list',
} as const;

/** How often a screen reports; the server marks a screen silent after three missed reports. */
export const HEALTH_REPORT_INTERVAL_MS = 5000;

/** A tile's state as its watchdog sees it; `empty` has no camera. Never "live" while the picture is frozen. */
export const TileHealthStateSchema = z.enum(['connecting', 'live', 'stalled', 'reconnecting', 'offline', 'paused', 'empty', 'unsupported']);
export type TileHealthState = z.infer<typeof TileHealthStateSchema>;

export const TileHealthSchema = z.strictObject({
  /** Tile index on the screen, from 0. */
  tile: z.number().int().min(0).max(63),
  cameraId: CameraIdSchema.nullable(),
  state: TileHealthStateSchema,
  framesPerSecond: z.number().min(0).max(1000),
  droppedFrames: z.number().int().min(0),
  totalFrames: z.number().int().min(0),
});
export type TileHealth = z.infer<typeof TileHealthSchema>;

/** Why a window was last restarted by the shell. */
export const CrashReasonSchema = z.enum(['renderer-crashed', 'renderer-killed', 'renderer-oom', 'renderer-unresponsive', 'load-failed', 'gpu-crashed', 'main-process-error']);

export const CrashRecordSchema = z.strictObject({
  reason: CrashReasonSchema,
  /** ISO time of the crash. */
  at: z.iso.datetime(),
  /** Exit code or error text, for IT. */
  detail: z.string().max(500),
});
export type CrashRecord = z.infer<typeof CrashRecordSchema>;

/** A configured screen the workstation cannot show (no free display). */
export const UnassignedScreenSchema = z.strictObject({ screenId: ScreenIdSchema, reason: z.string().max(300) });

/**
 * What the Electron shell knows about a screen and its workstation, handed to the page over
 * the bridge so that the page's health report carries it (a plain browser has none).
 */
export const ShellStatusSchema = z.strictObject({
  workstationName: z.string().min(1).max(120),
  appVersion: z.string().max(40),
  /** Shell restarts of this screen's window since the app started. */
  restarts: z.number().int().min(0),
  lastCrash: CrashRecordSchema.nullable(),
  unassignedScreens: z.array(UnassignedScreenSchema).max(32),
  gpu: z.strictObject({ crashes: z.number().int().min(0), hardwareAcceleration: z.boolean() }),
  /** Global shortcuts another application holds, and keymap problems: things IT should fix. */
  warnings: z.array(z.string().max(300)).max(32),
  /** Whether this window's screen is the one the keyboard acts on. */
  selected: z.boolean(),
});
export type ShellStatus = z.infer<typeof ShellStatusSchema>;

/** One screen's health, sent every HEALTH_REPORT_INTERVAL_MS by the window that shows it. */
export const HealthReportSchema = z.strictObject({
  wallId: WallIdSchema,
  screenId: ScreenIdSchema,
  /** The workstation's name as the operating system knows it, or "browser" for a web wall. */
  workstationName: z.string().min(1).max(120),
  client: z.enum(['electron', 'browser']),
  appVersion: z.string().max(40),
  tiles: z.array(TileHealthSchema).max(64),
  /** Frames per second summed over all live tiles, and dropped frames over all tiles. */
  framesPerSecond: z.number().min(0).max(100000),
  droppedFrames: z.number().int().min(0),
  /** The page's JS heap in MB, when the runtime tells. */
  memoryMb: z.number().min(0).max(1_000_000).nullable(),
  restarts: z.number().int().min(0),
  lastCrash: CrashRecordSchema.nullable(),
  unassignedScreens: z.array(UnassignedScreenSchema).max(32),
  warnings: z.array(z.string().max(300)).max(32),
  /** Seconds since the page started. */
  uptimeSeconds: z.number().int().min(0),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;

/** How the server judges a screen from its latest report and its age. */
export const ScreenConditionSchema = z.enum(['ok', 'degraded', 'failing', 'silent']);
export type ScreenCondition = z.infer<typeof ScreenConditionSchema>;

/** A screen's latest report as the server keeps it. */
export const HealthEntrySchema = z.strictObject({
  /** The workstation id from its device token, else the reporting user's id. */
  workstationId: IdSchema,
  report: HealthReportSchema,
  receivedAt: z.iso.datetime(),
  condition: ScreenConditionSchema,
});
export type HealthEntry = z.infer<typeof HealthEntrySchema>;

export const HealthListSchema = z.strictObject({ entries: z.array(HealthEntrySchema), at: z.iso.datetime() });
export type HealthList = z.infer<typeof HealthListSchema>;

const ErrorReply = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) });
export const HealthAckSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), ErrorReply]);
export type HealthAck = z.infer<typeof HealthAckSchema>;
export const HealthListReplySchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), list: HealthListSchema }), ErrorReply]);
export type HealthListReply = z.infer<typeof HealthListReplySchema>;

const SILENT_AFTER_MS = HEALTH_REPORT_INTERVAL_MS * 3;

/**
 * A screen's condition: silent when no report came for three intervals; failing when it has a
 * screen it cannot show or no tile with a camera is live; degraded when some tile is not live
 * or the shell restarted it recently; else ok.
 */
export function screenCondition(report: HealthReport, ageMs: number): ScreenCondition {
  if (ageMs > SILENT_AFTER_MS) return 'silent';
  const withCamera = report.tiles.filter((tile) => tile.state !== 'empty');
  const live = withCamera.filter((tile) => tile.state === 'live');
  if (report.unassignedScreens.length > 0 || (withCamera.length > 0 && live.length === 0)) return 'failing';
  if (live.length < withCamera.length || report.lastCrash !== null || report.warnings.length > 0) return 'degraded';
  return 'ok';
}
