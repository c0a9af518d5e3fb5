import { z } from 'zod';
import { ConnectOriginSchema } from './connect-origin.js';
import { KeyChordSchema } from './keymap.js';
import { LanguageSchema, TimeZoneSchema } from './screen-target.js';
import { ScreenIdSchema, WallIdSchema } from './walls.js';

/** Which physical display a screen asks for; without one it takes the next free display. */
export const DisplayPreferenceSchema = z.strictObject({
  /** The display's label as the operating system reports it (e.g. "DELL U2720Q"). */
  label: z.string().min(1).max(128).optional(),
  /** Position among the displays, counted from 1, left to right then top to bottom. */
  position: z.number().int().min(1).max(32).optional(),
});
export type DisplayPreference = z.infer<typeof DisplayPreferenceSchema>;

export const WorkstationScreenSchema = z.strictObject({
  screenId: ScreenIdSchema,
  display: DisplayPreferenceSchema.optional(),
});
export type WorkstationScreen = z.infer<typeof WorkstationScreenSchema>;

const HttpUrlSchema = z.url({ protocol: /^https?$/ });
// In its own module so that walls.ts (the map settings) can use it without an import cycle.
export { ConnectOriginSchema };

const kioskFields = {
  /** Keep wall windows above every other window (a wall PC that also runs other apps). */
  alwaysOnTop: z.boolean(),
  /** Hide the mouse pointer after this many seconds without movement; 0 never hides it. */
  hideCursorAfterSeconds: z.number().int().min(0).max(3600),
  /** Keep the displays awake. */
  preventDisplaySleep: z.boolean(),
  /** Start Pantau when the user logs in. */
  startAtLogin: z.boolean(),
};
const hotkeyFields = {
  /** Register the keymap's actions as global shortcuts (operators working at a console). */
  global: z.boolean(),
  /** Chord number N selects the workstation's screen N (in configuration order). */
  selectScreen: z.array(KeyChordSchema).max(16),
};
const updateFields = {
  enabled: z.boolean(),
  url: HttpUrlSchema.nullable(),
};

/** How the wall windows behave as a kiosk. */
export const KioskOptionsSchema = z.strictObject({
  alwaysOnTop: kioskFields.alwaysOnTop.default(false),
  hideCursorAfterSeconds: kioskFields.hideCursorAfterSeconds.default(5),
  preventDisplaySleep: kioskFields.preventDisplaySleep.default(true),
  startAtLogin: kioskFields.startAtLogin.default(false),
});
export type KioskOptions = z.infer<typeof KioskOptionsSchema>;

/** Keys the shell takes even while another application has the focus. */
export const HotkeyOptionsSchema = z.strictObject({
  global: hotkeyFields.global.default(false),
  selectScreen: hotkeyFields.selectScreen.default(['Ctrl+Alt+Digit1', 'Ctrl+Alt+Digit2', 'Ctrl+Alt+Digit3', 'Ctrl+Alt+Digit4']),
});
export type HotkeyOptions = z.infer<typeof HotkeyOptionsSchema>;

/** Auto-update from an on-premise server through electron-updater's generic provider; off unless enabled with a URL. */
export const UpdateOptionsSchema = z.strictObject({
  enabled: updateFields.enabled.default(false),
  url: updateFields.url.default(null),
});
export type UpdateOptions = z.infer<typeof UpdateOptionsSchema>;

/**
 * The fields of one configuration layer (defaults, local store, machine provisioning file,
 * environment, command line): every field optional; a layer says only what it sets.
 */
export const WorkstationConfigLayerSchema = z.strictObject({
  serverUrl: HttpUrlSchema.optional(),
  wallId: WallIdSchema.optional(),
  language: LanguageSchema.optional(),
  /** The time zone of the screens' clocks (IANA name): WIB (Asia/Jakarta) unless set, WITA or WIT further east. */
  timeZone: TimeZoneSchema.optional(),
  /** A device token given by IT in clear (provisioning file or environment); prefer enrolment, which keeps it encrypted. */
  token: z.string().min(1).max(512).nullable().optional(),
  screens: z.array(WorkstationScreenSchema).min(1).max(32).optional(),
  /** A keymap file (KeymapFileSchema) replacing the default keymap. */
  keymapFile: z.string().min(1).max(4096).nullable().optional(),
  /** Camera media origins outside the server's host that wall pages may connect to. */
  connectOrigins: z.array(ConnectOriginSchema).max(64).optional(),
  kiosk: z.strictObject(kioskFields).partial().optional(),
  hotkeys: z.strictObject(hotkeyFields).partial().optional(),
  updates: z.strictObject(updateFields).partial().optional(),
  /** Hardware video decode; `auto` lets the shell decide per platform (see docs/electron.md). */
  hardwareDecode: z.enum(['auto', 'on', 'off']).optional(),
});
export type WorkstationConfigLayer = z.infer<typeof WorkstationConfigLayerSchema>;

/** A wall workstation's configuration, all layers merged: its server, its wall, the screens it drives and how. */
export const WorkstationConfigSchema = z.strictObject({
  serverUrl: HttpUrlSchema,
  wallId: WallIdSchema,
  language: LanguageSchema.default('id'),
  timeZone: TimeZoneSchema.default('Asia/Jakarta'),
  token: z.string().max(512).nullable().default(null),
  screens: z.array(WorkstationScreenSchema).min(1).max(32),
  keymapFile: z.string().min(1).max(4096).nullable().default(null),
  connectOrigins: z.array(ConnectOriginSchema).max(64).default([]),
  kiosk: KioskOptionsSchema.prefault({}),
  hotkeys: HotkeyOptionsSchema.prefault({}),
  updates: UpdateOptionsSchema.prefault({}),
  hardwareDecode: z.enum(['auto', 'on', 'off']).default('auto'),
});
export type WorkstationConfig = z.infer<typeof WorkstationConfigSchema>;

/** What the shell last knew of a display a screen was on, so the binding survives reboots and re-plugging. */
export const DisplayFingerprintSchema = z.strictObject({
  /** Electron's display id: unstable across reboots and Electron versions, used only as a first hint. */
  id: z.number().int(),
  label: z.string().max(256),
  bounds: z.strictObject({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(1), height: z.number().int().min(1) }),
  scaleFactor: z.number().positive().max(8).default(1),
  rotation: z.number().int().min(0).max(270).default(0),
});
export type DisplayFingerprint = z.infer<typeof DisplayFingerprintSchema>;

/** The current version of the local settings file; migrations bring older files up to it. */
export const SETTINGS_SCHEMA_VERSION = 1;

/**
 * The shape of the local settings file (electron-store, one per machine). Configuration the
 * setup screen chose lives in `config`; the device token only encrypted (safeStorage, base64);
 * the rest is what the shell remembers about this machine.
 */
export const WorkstationSettingsSchema = z.strictObject({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  config: WorkstationConfigLayerSchema.omit({ token: true }).default({}),
  encryptedToken: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64').max(4096).nullable().default(null),
  /** Screen id -> fingerprint of the display it was last shown on. */
  displayBindings: z.record(ScreenIdSchema, DisplayFingerprintSchema).default({}),
  /** GPU process crashes since hardware acceleration was last known good. */
  gpuCrashCount: z.number().int().min(0).default(0),
  /** Set after repeated GPU crashes: the next start runs without hardware acceleration. */
  hardwareAccelerationDisabled: z.boolean().default(false),
  /** Times (ms since epoch) of recent relaunches after a fatal error, for the crash-loop guard. */
  relaunchTimes: z.array(z.number().int().min(0)).max(32).default([]),
});
export type WorkstationSettings = z.infer<typeof WorkstationSettingsSchema>;
