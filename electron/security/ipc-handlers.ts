import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { guardMessage, type GuardedResult, type IpcSenderFacts } from './ipc-guard.js';

/** The facts the guard checks, read from an Electron IPC event. */
export function senderFacts(event: IpcMainEvent | IpcMainInvokeEvent): IpcSenderFacts {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    webContentsId: event.sender.id,
  };
}

/** Where refused messages are logged. */
export type RefusalLog = (channel: string, error: string) => void;

/**
 * Registers an invoke handler that runs only for our own windows' main frames with a valid
 * payload; anything else gets `{ ok: false, error }` back and nothing happens. A handler that
 * answers later (a network check) is awaited, so the page gets the value, never a promise (it
 * cannot be cloned).
 */
export function handleGuarded<S extends z.ZodType, R>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: string,
  schema: S,
  isOurWindow: (webContentsId: number) => boolean,
  log: RefusalLog,
  handle: (value: z.infer<S>, event: IpcMainInvokeEvent) => R | Promise<R>,
): void {
  ipcMain.handle(channel, async (event, payload: unknown): Promise<GuardedResult<R>> => {
    const result = guardMessage(senderFacts(event), payload, schema, isOurWindow, (value) => handle(value, event));
    if (!result.ok) {
      log(channel, result.error);
      return result;
    }
    return { ok: true, value: await result.value };
  });
}

/** Registers a one-way message listener with the same checks as handleGuarded. */
export function onGuarded<S extends z.ZodType>(
  ipcMain: Pick<IpcMain, 'on'>,
  channel: string,
  schema: S,
  isOurWindow: (webContentsId: number) => boolean,
  log: RefusalLog,
  handle: (value: z.infer<S>, event: IpcMainEvent) => void,
): void {
  ipcMain.on(channel, (event, payload: unknown) => {
    const result = guardMessage(senderFacts(event), payload, schema, isOurWindow, (value) => handle(value, event));
    if (!result.ok) log(channel, result.error);
  });
}
