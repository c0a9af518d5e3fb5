import { interpretHealthz, type ServerCheck } from '../../protocol/workstation-config-setup.js';

/** The fetch used to reach the server; injected (Electron's net.fetch in the app, Node's in tests). */
export type HealthFetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<{ status: number; json(): Promise<unknown> }>;

/** How long the setup waits for /healthz before saying the server does not answer. */
const HEALTH_TIMEOUT_MS = 5000;

/** The words for a failed request: refused, unknown host, timed out. */
export function describeFetchFailure(error: unknown): { problem: 'unreachable' | 'timeout'; detail: string } {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return { problem: 'timeout', detail: `no answer within ${HEALTH_TIMEOUT_MS / 1000} s` };
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  const message = error instanceof Error ? error.message : String(error);
  return { problem: 'unreachable', detail: (code ?? cause?.message ?? message).slice(0, 200) };
}

/** GETs SERVER/healthz and judges the answer (interpretHealthz); network failures are named, never thrown. */
export async function checkServer(serverUrl: string, fetch: HealthFetch): Promise<ServerCheck> {
  let response: { status: number; json(): Promise<unknown> };
  try {
    response = await fetch(new URL('/healthz', serverUrl).toString(), { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch (error) {
    return { ok: false, ...describeFetchFailure(error), serverProtocol: null };
  }
  const body = await response.json().catch(() => null);
  return interpretHealthz(serverUrl, response.status, body);
}
