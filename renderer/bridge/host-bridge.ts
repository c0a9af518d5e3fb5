import { ShellStatusSchema, type ShellStatus } from '../../protocol/health.js';
import { ShellActionSchema, type ShellAction } from '../../protocol/workstation-config-ipc.js';
import { describeIssues, formatIssues } from '../../protocol/index.js';

/**
 * What a wall page may ask of its host beyond its screen target. Two implementations: the
 * Electron preload (actions from global shortcuts and the PTZ control window, the shell's
 * status, identify displays) and the plain browser (a web wall: none of these happen).
 */
export interface HostBridge {
  readonly kind: 'electron' | 'browser';
  /** Calls `listener` with every valid action the shell routes to this screen; returns unsubscribe. */
  onAction(listener: (action: ShellAction) => void): () => void;
  /** Calls `listener` with the shell's status (crashes, unassigned screens, selection); returns unsubscribe. */
  onShellStatus(listener: (status: ShellStatus) => void): () => void;
  /** Shows every display's number; resolves false where there is no shell. */
  identifyDisplays(): Promise<boolean>;
  /** Tells the shell that the keyboard now acts on this screen. */
  selectScreen(screenId: string): void;
}

/** The preload's surface, as seen from the page: untrusted until checked. */
interface PreloadSurface {
  onAction?: unknown;
  onShellStatus?: unknown;
  identifyDisplays?: unknown;
  selectScreen?: unknown;
}

type Subscribe = (listener: (payload: unknown) => void) => () => void;

/** Wraps a preload subscription so only payloads the schema accepts reach the page; others are logged. */
function validated<T>(subscribe: Subscribe, parse: (payload: unknown) => { ok: true; value: T } | { ok: false; error: string }, name: string) {
  return (listener: (value: T) => void): (() => void) =>
    subscribe((payload) => {
      const result = parse(payload);
      if (result.ok) listener(result.value);
      else console.warn(`pantau bridge: ${name} refused: ${result.error}`);
    });
}

/** Parses an action message from the shell. */
export function parseShellAction(payload: unknown): { ok: true; value: ShellAction } | { ok: false; error: string } {
  const parsed = ShellActionSchema.safeParse(payload);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: formatIssues(describeIssues(parsed.error)) };
}

/** Parses a status message from the shell. */
export function parseShellStatus(payload: unknown): { ok: true; value: ShellStatus } | { ok: false; error: string } {
  const parsed = ShellStatusSchema.safeParse(payload);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: formatIssues(describeIssues(parsed.error)) };
}

/** The bridge of a plain browser: nothing arrives, nothing to ask. */
export const BROWSER_BRIDGE: HostBridge = {
  kind: 'browser',
  onAction: () => () => undefined,
  onShellStatus: () => () => undefined,
  identifyDisplays: async () => false,
  selectScreen: () => undefined,
};

/** The bridge over a preload surface; falls back to the browser bridge when the surface is not what we expect. */
export function bridgeFromPreload(surface: unknown): HostBridge {
  if (typeof surface !== 'object' || surface === null) return BROWSER_BRIDGE;
  const preload = surface as PreloadSurface;
  if (typeof preload.onAction !== 'function' || typeof preload.onShellStatus !== 'function' || typeof preload.identifyDisplays !== 'function' || typeof preload.selectScreen !== 'function') return BROWSER_BRIDGE;
  const identify = preload.identifyDisplays as () => Promise<unknown>;
  const select = preload.selectScreen as (screenId: string) => void;
  return {
    kind: 'electron',
    onAction: validated(preload.onAction as Subscribe, parseShellAction, 'action'),
    onShellStatus: validated(preload.onShellStatus as Subscribe, parseShellStatus, 'shell status'),
    identifyDisplays: async () => {
      const reply = (await identify()) as { ok?: unknown } | null;
      return reply !== null && typeof reply === 'object' && reply.ok === true;
    },
    selectScreen: (screenId) => select(screenId),
  };
}

/** This window's host bridge: the Electron preload's when present, else the browser's. */
export function currentHostBridge(): HostBridge {
  return bridgeFromPreload((globalThis as unknown as { pantau?: unknown }).pantau);
}
