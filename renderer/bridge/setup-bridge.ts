import { z } from 'zod';
import { describeIssues, formatIssues } from '../../protocol/index.js';
import {
  EnrolResultSchema,
  ServerCheckSchema,
  SetupDescriptionSchema,
  SetupSaveResultSchema,
  WallScreensSchema,
  type EnrolResult,
  type ServerCheck,
  type SetupDescription,
  type SetupSaveRequest,
  type SetupSaveResult,
  type WallScreens,
} from '../../protocol/workstation-config-setup.js';

/** An answer from the main process, or why there is none (refused, malformed, IPC failed). */
export type SetupReply<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * What the first-run setup page may ask of the shell. The main process does the network work
 * (server check, wall screens, enrolment) and the save; every answer is validated here too.
 */
export interface SetupBridge {
  describe(): Promise<SetupReply<SetupDescription>>;
  checkServer(serverUrl: string): Promise<SetupReply<ServerCheck>>;
  listScreens(serverUrl: string, wallId: string): Promise<SetupReply<WallScreens>>;
  enrol(serverUrl: string, code: string): Promise<SetupReply<EnrolResult>>;
  save(request: SetupSaveRequest): Promise<SetupReply<SetupSaveResult>>;
  /** Shows every display's number large; false where the shell did not. */
  identifyDisplays(): Promise<boolean>;
}

type Invoke = (...args: unknown[]) => Promise<unknown>;
interface SetupSurface {
  describe?: unknown;
  checkServer?: unknown;
  listScreens?: unknown;
  enrol?: unknown;
  save?: unknown;
}

const RefusalSchema = z.object({ ok: z.literal(false), error: z.string() });

/** Parses the guard's envelope `{ ok, value | error }` with `schema` for the value. */
export function parseSetupReply<T>(raw: unknown, schema: z.ZodType<T>): SetupReply<T> {
  const refusal = RefusalSchema.safeParse(raw);
  if (refusal.success) return { ok: false, error: refusal.data.error };
  const parsed = z.object({ ok: z.literal(true), value: schema }).safeParse(raw);
  if (!parsed.success) return { ok: false, error: `the shell's answer is not understood: ${formatIssues(describeIssues(parsed.error))}` };
  return { ok: true, value: parsed.data.value };
}

async function call<T>(invoke: Invoke, args: unknown[], schema: z.ZodType<T>): Promise<SetupReply<T>> {
  try {
    return parseSetupReply(await invoke(...args), schema);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The setup bridge over the preload's `pantau` surface; null when this page is not in the Pantau app. */
export function setupBridgeFromPreload(surface: unknown): SetupBridge | null {
  if (typeof surface !== 'object' || surface === null) return null;
  const pantau = surface as { setup?: unknown; identifyDisplays?: unknown };
  if (typeof pantau.setup !== 'object' || pantau.setup === null) return null;
  const setup = pantau.setup as SetupSurface;
  const functions = [setup.describe, setup.checkServer, setup.listScreens, setup.enrol, setup.save];
  if (!functions.every((f) => typeof f === 'function')) return null;
  const [describe, checkServer, listScreens, enrol, save] = functions as Invoke[] as [Invoke, Invoke, Invoke, Invoke, Invoke];
  const identify = typeof pantau.identifyDisplays === 'function' ? (pantau.identifyDisplays as Invoke) : null;
  return {
    describe: () => call(describe, [], SetupDescriptionSchema),
    checkServer: (serverUrl) => call(checkServer, [serverUrl], ServerCheckSchema),
    listScreens: (serverUrl, wallId) => call(listScreens, [serverUrl, wallId], WallScreensSchema),
    enrol: (serverUrl, code) => call(enrol, [serverUrl, code], EnrolResultSchema),
    save: (request) => call(save, [request], SetupSaveResultSchema),
    identifyDisplays: async () => {
      if (identify === null) return false;
      const reply = await call(identify, [], z.number());
      return reply.ok;
    },
  };
}

/** This window's setup bridge, or null outside the Pantau app. */
export function currentSetupBridge(): SetupBridge | null {
  return setupBridgeFromPreload((globalThis as unknown as { pantau?: unknown }).pantau);
}
