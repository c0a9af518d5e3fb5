import { z } from 'zod';
import { EnrolmentCodeSchema } from './enrolment.js';
import { PROTOCOL_VERSION } from './version.js';
import { LanguageSchema } from './screen-target.js';
import { ScreenIdSchema, WallIdSchema } from './walls.js';

/**
 * The first-run setup window's channels (page -> main, all `invoke`). Only the setup window may
 * use them; the sandboxed preload repeats the names and a unit test keeps them equal. The server
 * is reached by the main process, not the page: the central server sends no CORS headers on
 * /healthz and the enrolment API, and the device token never has to enter a renderer.
 */
export const SETUP_CHANNELS = {
  /** What the setup needs to show: displays, current and locked settings, language. */
  describe: 'pantau:setup-describe',
  /** GET SERVER/healthz and judge the answer. */
  checkServer: 'pantau:setup-check-server',
  /** Say hello to the wall as a workstation and list its screens. */
  listScreens: 'pantau:setup-list-screens',
  /** Exchange a one-time enrolment code for the device token (kept in the main process). */
  enrol: 'pantau:setup-enrol',
  /** Save the chosen settings, then close the setup and open the wall. */
  save: 'pantau:setup-save',
} as const;

const HttpUrlSchema = z.url({ protocol: /^https?$/ });

/** A connected display as the setup shows it; `number` is what the configuration's `position` means. */
export const SetupDisplaySchema = z.strictObject({
  number: z.number().int().min(1).max(32),
  label: z.string().max(256),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  x: z.number().int(),
  y: z.number().int(),
});
export type SetupDisplay = z.infer<typeof SetupDisplaySchema>;

/** Keys of the configuration the setup can change; others stay with the provisioning file. */
export const SETUP_KEYS = ['serverUrl', 'wallId', 'language', 'screens'] as const;
export type SetupKey = (typeof SETUP_KEYS)[number];

/** A screen chosen for a display (by its position number). */
export const SetupScreenChoiceSchema = z.strictObject({
  screenId: ScreenIdSchema,
  display: z.strictObject({ position: z.number().int().min(1).max(32) }),
});
export type SetupScreenChoice = z.infer<typeof SetupScreenChoiceSchema>;

/** What the main process tells the setup page when it opens. */
export const SetupDescriptionSchema = z.strictObject({
  /** The language of the setup itself (the configuration's, Indonesian unless set). */
  language: LanguageSchema,
  machineName: z.string().max(256),
  displays: z.array(SetupDisplaySchema).max(32),
  /** The settings in force now, from every layer (null where only the built-in demo sets it). */
  current: z.strictObject({
    serverUrl: z.string().nullable(),
    wallId: z.string().nullable(),
    language: LanguageSchema,
    screens: z.array(z.strictObject({ screenId: z.string(), position: z.number().int().nullable() })).nullable(),
  }),
  /** Keys set by the provisioning file, the environment or the command line: shown read-only. */
  locked: z.array(z.enum(SETUP_KEYS)),
  /** Whether a device token could be kept encrypted on this machine, and why not. */
  tokenStorage: z.strictObject({ usable: z.boolean(), reason: z.string().nullable() }),
  /** A device token is already held (enrolled before, or provisioned). */
  enrolled: z.boolean(),
});
export type SetupDescription = z.infer<typeof SetupDescriptionSchema>;

export const CheckServerRequestSchema = z.strictObject({ serverUrl: HttpUrlSchema });

/** Why a server check failed; the page says each in words. */
export const ServerProblemSchema = z.enum(['unreachable', 'timeout', 'http-error', 'not-pantau', 'protocol-mismatch']);
export type ServerProblem = z.infer<typeof ServerProblemSchema>;

/** The outcome of testing a server address. */
export const ServerCheckSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), serverUrl: z.string(), protocolVersion: z.number().int() }),
  z.strictObject({ ok: z.literal(false), problem: ServerProblemSchema, detail: z.string().max(500), serverProtocol: z.number().int().nullable() }),
]);
export type ServerCheck = z.infer<typeof ServerCheckSchema>;

export const ListScreensRequestSchema = z.strictObject({ serverUrl: HttpUrlSchema, wallId: WallIdSchema });

export const WallProblemSchema = z.enum(['unreachable', 'timeout', 'unknown-wall', 'unauthorized', 'protocol-mismatch', 'bad-reply']);
export type WallProblem = z.infer<typeof WallProblemSchema>;

/** The wall's screens, in monitor order, or why they could not be listed. */
export const WallScreensSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), wallId: z.string(), wallName: z.string(), screens: z.array(z.strictObject({ id: z.string(), name: z.string() })).max(64) }),
  z.strictObject({ ok: z.literal(false), problem: WallProblemSchema, detail: z.string().max(500) }),
]);
export type WallScreens = z.infer<typeof WallScreensSchema>;

export const EnrolRequestSchema = z.strictObject({ serverUrl: HttpUrlSchema, code: EnrolmentCodeSchema });

/** The outcome of an enrolment; the token itself stays in the main process. */
export const EnrolResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), workstationId: z.string(), role: z.string() }),
  z.strictObject({ ok: z.literal(false), problem: z.enum(['no-safe-storage', 'refused', 'unreachable']), detail: z.string().max(500) }),
]);
export type EnrolResult = z.infer<typeof EnrolResultSchema>;

/**
 * The settings the setup saves. Every key optional: the page leaves out the keys that are locked.
 * Two screens on one display, or one screen twice, are refused (a wall never stacks screens).
 */
export const SetupSaveRequestSchema = z
  .strictObject({
    serverUrl: HttpUrlSchema.optional(),
    wallId: WallIdSchema.optional(),
    language: LanguageSchema.optional(),
    screens: z.array(SetupScreenChoiceSchema).min(1).max(32).optional(),
  })
  .superRefine((value, context) => {
    const screens = value.screens ?? [];
    const ids = screens.map((s) => s.screenId);
    const positions = screens.map((s) => s.display.position);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: ['screens', index, 'screenId'], message: `screen ${id} is chosen twice` });
    });
    positions.forEach((position, index) => {
      if (positions.indexOf(position) !== index) context.addIssue({ code: 'custom', path: ['screens', index, 'display', 'position'], message: `display ${position} already shows screen ${ids[positions.indexOf(position)] ?? '?'}` });
    });
  });
export type SetupSaveRequest = z.infer<typeof SetupSaveRequestSchema>;

/** What /healthz answers on a Pantau server. */
const HealthzSchema = z.object({ ok: z.literal(true), protocolVersion: z.number().int() });

/**
 * Judges a /healthz answer: a Pantau server of this protocol version, or what is wrong with it
 * (another program on that address, another Pantau version, an HTTP error). Pure.
 */
export function interpretHealthz(serverUrl: string, status: number, body: unknown): ServerCheck {
  if (status !== 200) return { ok: false, problem: status === 404 ? 'not-pantau' : 'http-error', detail: `HTTP ${status}`, serverProtocol: null };
  const parsed = HealthzSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problem: 'not-pantau', detail: 'the answer to /healthz is not a Pantau health report', serverProtocol: null };
  if (parsed.data.protocolVersion !== PROTOCOL_VERSION) {
    return { ok: false, problem: 'protocol-mismatch', detail: `server protocol ${parsed.data.protocolVersion}, this app ${PROTOCOL_VERSION}`, serverProtocol: parsed.data.protocolVersion };
  }
  return { ok: true, serverUrl, protocolVersion: parsed.data.protocolVersion };
}

/**
 * Turns what IT typed into a server base URL: `10.10.1.5:8080` gets `http://`, a trailing slash
 * or path is dropped (the server lives at the origin). Null when it cannot be an http(s) address.
 */
export function normaliseServerUrl(typed: string): string | null {
  const text = typed.trim();
  if (text.length === 0 || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname.length === 0) return null;
  return url.origin;
}

/** The main process's answer to a save: saved (the wall opens next), or why not, in words. */
export const SetupSaveResultSchema = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(true) }),
  z.strictObject({ saved: z.literal(false), error: z.string().max(2000) }),
]);
export type SetupSaveResult = z.infer<typeof SetupSaveResultSchema>;
