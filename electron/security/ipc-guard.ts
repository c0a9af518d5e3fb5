import type { z } from 'zod';
import { describeIssues, formatIssues } from '../../protocol/index.js';
import { APP_ORIGIN } from './app-scheme.js';

/** What the guard needs to know about an IPC event's sender; read from Electron by the adapter. */
export interface IpcSenderFacts {
  /** URL of the frame that sent the message; null when the frame is gone. */
  frameUrl: string | null;
  /** The sender frame is its page's main frame (not an iframe). */
  isMainFrame: boolean;
  /** The id of the sender's webContents. */
  webContentsId: number;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether an IPC message may be handled: it must come from the main frame of one of our wall
 * windows, showing a page of our own app:// origin. A page that navigated elsewhere, an iframe,
 * or a window we did not create is refused.
 */
export function checkSender(sender: IpcSenderFacts, isOurWindow: (webContentsId: number) => boolean): SenderVerdict {
  if (sender.frameUrl === null) return { ok: false, reason: 'the sending frame is gone' };
  let origin: string;
  try {
    const url = new URL(sender.frameUrl);
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return { ok: false, reason: 'the sending frame has no valid URL' };
  }
  if (origin !== APP_ORIGIN) return { ok: false, reason: `sender origin ${origin} is not ${APP_ORIGIN}` };
  if (!sender.isMainFrame) return { ok: false, reason: 'sent from a sub-frame' };
  if (!isOurWindow(sender.webContentsId)) return { ok: false, reason: 'sent from a window the shell did not create' };
  return { ok: true };
}

export type GuardedResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Checks the sender, then parses the payload with `schema`; calls `handle` only when both pass.
 * A refusal answers with a clear error and changes nothing.
 */
export function guardMessage<S extends z.ZodType, R>(
  sender: IpcSenderFacts,
  payload: unknown,
  schema: S,
  isOurWindow: (webContentsId: number) => boolean,
  handle: (value: z.infer<S>) => R,
): GuardedResult<R> {
  const verdict = checkSender(sender, isOurWindow);
  if (!verdict.ok) return { ok: false, error: `refused: ${verdict.reason}` };
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, error: `bad payload: ${formatIssues(describeIssues(parsed.error))}` };
  return { ok: true, value: handle(parsed.data) };
}
