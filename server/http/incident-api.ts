import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ErrorCode, ProtocolError } from '../../protocol/errors.js';
import { AlertIngestSchema, IncidentIngestSchema, type AccidentHistory, type IngestReply } from '../../protocol/incidents.js';
import { describeIssues, formatIssues } from '../../protocol/validation.js';
import { accidentHistory } from '../incidents/accident-history.js';
import type { IncidentService } from '../incidents/incident-service.js';
import { createLogger } from '../log.js';

const log = createLogger('ingest');

/** The largest ingest body accepted, in bytes. */
export const INGEST_BODY_LIMIT = 64 * 1024;

export interface IncidentApiOptions {
  /** Bearer tokens outside systems present; with none, ingest is refused. */
  ingestTokens: readonly string[];
  /** The accident history served to the map; default: the simulated history of Solo (seed 1). */
  accidentHistory?: () => AccidentHistory;
}

/** Handles one request; true when it was one of ours (the response is then taken care of). */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

const STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  // The request names a record that does not exist: well-formed, but it cannot be processed.
  'not-found': 422,
  'too-large': 413,
  'rate-limited': 429,
};

class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly error: ProtocolError,
  ) {
    super(error.message);
  }
}

function refusal(status: number, code: ErrorCode, message: string, issues: ProtocolError['issues'] = []): RequestRefused {
  return new RequestRefused(status, { code, message, issues });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

// Hashing first makes every comparison the same length, so timing says nothing about the token.
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function checkToken(request: IncomingMessage, tokens: readonly Buffer[]): void {
  const token = bearerToken(request);
  if (token === undefined) throw refusal(401, 'unauthorized', 'missing "Authorization: Bearer <token>" header');
  const presented = digest(token);
  // Compare with every token so the time taken does not tell which one nearly matched.
  const matches = tokens.reduce((found, known) => timingSafeEqual(known, presented) || found, false);
  if (!matches) throw refusal(401, 'unauthorized', 'the ingest token is not valid');
}

function checkContentType(request: IncomingMessage): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw refusal(415, 'bad-request', `content-type must be application/json (got "${request.headers['content-type'] ?? 'none'}")`);
}

/** Reads the body up to the limit; refuses a bigger one as soon as it is known to be bigger. */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > limit) return Promise.reject(refusal(413, 'too-large', `the body is ${declared} bytes; the limit is ${limit}`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        reject(refusal(413, 'too-large', `the body is over the limit of ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw refusal(400, 'bad-request', `the body is not valid JSON: ${(error as Error).message}`);
  }
}

function validate<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = describeIssues(result.error);
  throw refusal(400, 'bad-request', `invalid ${what}: ${formatIssues(issues)}`, issues);
}

function replyFor(outcome: { ok: true; id: string; created: boolean } | { ok: false; error: ProtocolError }): { status: number; body: IngestReply } {
  if (outcome.ok) return { status: outcome.created ? 201 : 200, body: { ok: true, id: outcome.id, created: outcome.created } };
  return { status: STATUS_OF_CODE[outcome.error.code] ?? 400, body: outcome };
}

/** The HTTP side of incidents: authenticated ingest of incidents and alerts, and the accident history. */
export function createIncidentApi(service: IncidentService, options: IncidentApiOptions): RequestHandler {
  const tokens = options.ingestTokens.filter((token) => token.length > 0).map(digest);
  let history: string | undefined;
  const historyJson = (): string => (history ??= JSON.stringify((options.accidentHistory ?? (() => accidentHistory({ seed: 1 })))()));

  const ingest = async (request: IncomingMessage, kind: 'incidents' | 'alerts'): Promise<{ status: number; body: IngestReply }> => {
    if (tokens.length === 0) throw refusal(401, 'unauthorized', 'ingest is disabled: the server has no ingest tokens configured');
    checkToken(request, tokens);
    checkContentType(request);
    const input = parseJson(await readBody(request, INGEST_BODY_LIMIT));
    if (kind === 'incidents') {
      const report = validate(IncidentIngestSchema, input, 'incident');
      const outcome = service.ingestIncident(report);
      return replyFor(outcome.ok ? { ok: true, id: outcome.incident.id, created: outcome.created } : outcome);
    }
    const report = validate(AlertIngestSchema, input, 'alert');
    const outcome = service.ingestAlert(report);
    return replyFor(outcome.ok ? { ok: true, id: outcome.alert.id, created: outcome.created } : outcome);
  };

  return (request, response) => {
    const path = (request.url ?? '').split('?')[0];
    const ingestKind = path === '/api/ingest/incidents' ? 'incidents' : path === '/api/ingest/alerts' ? 'alerts' : undefined;
    if (ingestKind) {
      if (request.method !== 'POST') {
        sendJson(response, 405, { ok: false, error: { code: 'bad-request', message: 'use POST', issues: [] } }, { allow: 'POST' });
        return true;
      }
      ingest(request, ingestKind).then(
        ({ status, body }) => sendJson(response, status, body),
        (error: unknown) => {
          const refused = error instanceof RequestRefused ? error : refusal(500, 'bad-request', 'internal error');
          if (!(error instanceof RequestRefused)) log.error(`ingest ${ingestKind}: ${String(error)}`);
          else log.warn(`ingest ${ingestKind} refused (${refused.status}): ${refused.error.message}`);
          // After a refusal the rest of the body is not read: close rather than leave it in the pipe.
          sendJson(response, refused.status, { ok: false, error: refused.error } satisfies IngestReply, { connection: 'close' });
        },
      );
      return true;
    }
    if (path === '/api/accident-history') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        sendJson(response, 405, { ok: false, error: { code: 'bad-request', message: 'use GET', issues: [] } }, { allow: 'GET, HEAD' });
        return true;
      }
      response.writeHead(200, { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'max-age=3600' });
      response.end(request.method === 'HEAD' ? undefined : historyJson());
      return true;
    }
    return false;
  };
}
