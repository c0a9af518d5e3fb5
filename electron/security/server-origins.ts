import { backoffDelay, type BackoffPolicy } from '../../protocol/backoff.js';
import { MAX_WALL_CONNECT_ORIGINS_BYTES, WallConnectOriginsErrorSchema, WallConnectOriginsReplySchema, wallConnectOriginsPath } from '../../protocol/wall-connect-origins.js';
import { describeIssues, formatIssues } from '../../protocol/validation.js';
import { describeFetchFailure } from '../setup/server-check.js';

/**
 * What one request for the server's connect origins came to. `unreachable` is worth retrying (no
 * answer, a timeout, a 5xx while the server restarts); `refused` is not (the server answered, but
 * not with origins we may use): nothing is widened and the line in the log says why.
 */
export type ServerOriginsOutcome =
  | { kind: 'origins'; origins: string[]; dropped: string[] }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'refused'; detail: string };

/** The fetch used to reach the server; injected (Electron's net.fetch in the app, a stand-in in tests). */
export type OriginsFetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Pick<Response, 'status' | 'body'>>;

/** How long one request may take; the wall windows wait for the first one, so it is short. */
export const SERVER_ORIGINS_TIMEOUT_MS = 5000;
/** Retries while the server cannot be reached: 5 s, doubling, then every 5 min. */
export const SERVER_ORIGINS_RETRY: BackoffPolicy = { initialMs: 5000, maxMs: 5 * 60_000, jitter: 0.2 };

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0)$/i;

function hostOf(origin: string): string {
  return new URL(origin).hostname;
}

/** Printable and short, whatever a server put in it: log lines stay one line. */
function clean(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
}

/**
 * Reads a body as UTF-8 text, or null as soon as it passes `maxBytes`: a server cannot make the
 * shell hold an answer of any size.
 */
export async function readBoundedText(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string | null> {
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Judges the server's answer for `wallId`: only a 200 with a body that passes
 * WallConnectOriginsReplySchema, for the wall asked, gives origins. Origins on the workstation's
 * own loopback are dropped unless the server itself is on loopback: a remote server must not open
 * the wall pages to services listening on the wall PC.
 */
export function interpretConnectOriginsReply(serverUrl: string, wallId: string, status: number, body: string | null): ServerOriginsOutcome {
  if (body === null) return { kind: 'refused', detail: `answer over ${MAX_WALL_CONNECT_ORIGINS_BYTES} bytes` };
  if (status >= 500 || status === 429) return { kind: 'unreachable', detail: `HTTP ${status}` };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'refused', detail: `HTTP ${status}, not JSON (a Pantau server without this API answers its web page)` };
  }
  if (status !== 200) {
    const error = WallConnectOriginsErrorSchema.safeParse(json);
    return { kind: 'refused', detail: `HTTP ${status}${error.success ? `: ${clean(error.data.error.message)}` : ''}` };
  }
  const reply = WallConnectOriginsReplySchema.safeParse(json);
  if (!reply.success) return { kind: 'refused', detail: `answer not understood: ${clean(formatIssues(describeIssues(reply.error)))}` };
  if (reply.data.wallId !== wallId) return { kind: 'refused', detail: `answer is for wall "${reply.data.wallId}", not "${wallId}"` };
  const serverOnLoopback = LOOPBACK_HOST.test(new URL(serverUrl).hostname);
  // ConnectOriginSchema has made them lower case, as the request filter compares them.
  const origins = [...new Set(reply.data.origins)];
  const dropped = serverOnLoopback ? [] : origins.filter((origin) => LOOPBACK_HOST.test(hostOf(origin)));
  return { kind: 'origins', origins: origins.filter((origin) => !dropped.includes(origin)), dropped };
}

/** Asks the server which origins the wall's pages need (GET /api/walls/:wallId/connect-origins with the device token). Never throws. */
export async function fetchServerConnectOrigins(serverUrl: string, wallId: string, token: string | null, fetch: OriginsFetch): Promise<ServerOriginsOutcome> {
  try {
    const response = await fetch(new URL(wallConnectOriginsPath(wallId), serverUrl).toString(), {
      signal: AbortSignal.timeout(SERVER_ORIGINS_TIMEOUT_MS),
      headers: { accept: 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    });
    const body = await readBoundedText(response.body, MAX_WALL_CONNECT_ORIGINS_BYTES);
    return interpretConnectOriginsReply(serverUrl, wallId, response.status, body);
  } catch (error) {
    return { kind: 'unreachable', detail: describeFetchFailure(error).detail };
  }
}

/** The origins the wall pages may reach: the provisioning file's and the server's, each once, the provisioned first. */
export function mergeConnectOrigins(provisioned: readonly string[], fromServer: readonly string[]): string[] {
  return [...new Set([...provisioned, ...fromServer])];
}

/**
 * What to do with origins learnt from the server: which to add to those already allowed, and
 * whether the open wall windows must reload (a CSP header applies from the next load). Nothing
 * new, no reload; no window open yet, none to reload.
 */
export function serverOriginsPlan(allowed: readonly string[], learned: readonly string[], windowsOpen: boolean): { add: string[]; reloadWindows: boolean } {
  const add = learned.filter((origin) => !allowed.includes(origin));
  return { add, reloadWindows: windowsOpen && add.length > 0 };
}

export interface ServerOriginsLearnerOptions {
  attempt(): Promise<ServerOriginsOutcome>;
  /** Called once, with the origins of the first attempt that got them. */
  onLearned(origins: readonly string[]): void;
  log: { info(message: string): void; warn(message: string): void };
  schedule?: (run: () => void, ms: number) => { cancel(): void };
  random?: () => number;
  policy?: BackoffPolicy;
}

/**
 * Learns the server's origins: one attempt at start (the caller waits for it before opening the
 * wall windows), then, only while the server cannot be reached, retries with back-off until it
 * answers. A refusal ends it: asking again would get the same answer.
 */
export class ServerOriginsLearner {
  private retries = 0;
  private timer: { cancel(): void } | null = null;
  private stopped = false;

  constructor(private readonly options: ServerOriginsLearnerOptions) {}

  /** Runs the first attempt and resolves with its outcome; retries, if any, go on in the background. */
  async start(): Promise<ServerOriginsOutcome> {
    return this.run();
  }

  /** Stops retrying (at quit). */
  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
  }

  private async run(): Promise<ServerOriginsOutcome> {
    const outcome = await this.options.attempt();
    if (this.stopped) return outcome;
    const { log } = this.options;
    if (outcome.kind === 'origins') {
      if (outcome.dropped.length > 0) log.warn(`connect origins: dropped ${outcome.dropped.join(', ')}: the wall PC's own loopback, named by a server that is not on it`);
      log.info(`connect origins from the server's walls file: ${outcome.origins.join(', ') || 'none'}`);
      this.options.onLearned(outcome.origins);
    } else if (outcome.kind === 'refused') {
      log.warn(`connect origins: the server's answer is refused (${outcome.detail}); the wall keeps the provisioning file's origins only`);
    } else {
      const delay = backoffDelay(this.options.policy ?? SERVER_ORIGINS_RETRY, this.retries, (this.options.random ?? Math.random)());
      this.retries += 1;
      log.warn(`connect origins: server not reached (${outcome.detail}); the wall uses the provisioning file's origins for now; asking again in ${Math.round(delay / 1000)} s`);
      const schedule = this.options.schedule ?? ((run, ms) => {
        const handle = setTimeout(run, ms);
        return { cancel: () => clearTimeout(handle) };
      });
      this.timer = schedule(() => {
        this.run().catch((error: unknown) => log.warn(`connect origins: ${error instanceof Error ? error.message : String(error)}`));
      }, delay);
    }
    return outcome;
  }
}
