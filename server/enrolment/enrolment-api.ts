import type { IncomingMessage, ServerResponse } from 'node:http';
import { roleAtLeast, type Principal } from '../../protocol/auth.js';
import {
  CreateEnrolmentCodeRequestSchema,
  ENROLMENT_PATHS,
  ExchangeEnrolmentCodeRequestSchema,
  type CreateEnrolmentCodeReply,
  type EnrolmentError,
  type ExchangeEnrolmentCodeReply,
} from '../../protocol/enrolment.js';
import { describeIssues, formatIssues } from '../../protocol/index.js';
import { createLogger } from '../log.js';
import type { DeviceTokens } from './device-tokens.js';
import { displayCode, type EnrolmentCodes } from './enrolment-codes.js';

const log = createLogger('enrolment');
const MAX_BODY_BYTES = 4096;
/** Wrong codes allowed per client address within FAILURE_WINDOW_MS before it is told to wait. */
const MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 10 * 60_000;

export interface EnrolmentApiOptions {
  codes: EnrolmentCodes;
  tokens: DeviceTokens;
  /** Who a bearer token belongs to (the users file, or a device token); undefined when nobody. */
  authenticate(token: string): Principal | undefined;
  now?: () => number;
}

type Answer = { status: number; body: CreateEnrolmentCodeReply | ExchangeEnrolmentCodeReply | EnrolmentError };

const error = (status: number, code: EnrolmentError['error']['code'], message: string): Answer => ({ status, body: { error: { code, message } } });

class BodyError extends Error {
  constructor(readonly answer: Answer) {
    super(answer.status.toString());
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new BodyError(error(415, 'bad-request', 'send application/json'));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyError(error(413, 'too-large', `body over ${MAX_BODY_BYTES} bytes`));
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BodyError(error(400, 'bad-request', 'body is not JSON'));
  }
}

/**
 * The enrolment HTTP API: a supervisor creates a one-time code (POST /api/enrolment/codes with
 * their bearer token); a workstation exchanges it for a device token (POST
 * /api/enrolment/exchange). Returns a request handler that answers its own paths and returns
 * false for every other request, so it chains in front of the web wall's handler.
 */
export function createEnrolmentApi(options: EnrolmentApiOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();

  const recentFailures = (address: string): number[] => {
    const kept = (failures.get(address) ?? []).filter((at) => now() - at < FAILURE_WINDOW_MS);
    if (kept.length === 0) failures.delete(address);
    else failures.set(address, kept);
    return kept;
  };

  async function createCode(req: IncomingMessage): Promise<Answer> {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const principal = bearer === undefined ? undefined : options.authenticate(bearer);
    if (!principal) return error(401, 'unauthorized', 'a supervisor token is required');
    if (!roleAtLeast(principal.role, 'supervisor') || principal.workstationId !== undefined) return error(403, 'forbidden', 'only a supervisor may create enrolment codes');
    const parsed = CreateEnrolmentCodeRequestSchema.safeParse(await readJson(req));
    if (!parsed.success) return error(400, 'bad-request', formatIssues(describeIssues(parsed.error)));
    const { code, expiresAt } = options.codes.create(parsed.data, principal.userId);
    log.info(`${principal.userId} created an enrolment code for workstation ${parsed.data.workstationId}, valid until ${expiresAt.toISOString()}`);
    return { status: 201, body: { code: displayCode(code), workstationId: parsed.data.workstationId, expiresAt: expiresAt.toISOString() } };
  }

  async function exchange(req: IncomingMessage): Promise<Answer> {
    const address = req.socket.remoteAddress ?? 'unknown';
    if (recentFailures(address).length >= MAX_FAILURES) return error(429, 'rate-limited', 'too many wrong codes from this address; wait ten minutes');
    const parsed = ExchangeEnrolmentCodeRequestSchema.safeParse(await readJson(req));
    if (!parsed.success) return error(400, 'bad-request', formatIssues(describeIssues(parsed.error)));
    const grant = options.codes.redeem(parsed.data.code);
    if (!grant) {
      failures.set(address, [...recentFailures(address), now()]);
      log.warn(`wrong or expired enrolment code from ${address}`);
      return error(400, 'invalid-code', 'the code is wrong, expired or already used: ask a supervisor for a new one');
    }
    const deviceToken = options.tokens.issue({ workstationId: grant.workstationId, machineName: parsed.data.machineName, role: grant.role, walls: grant.walls, issuedBy: grant.createdBy });
    log.info(`workstation ${grant.workstationId} (${parsed.data.machineName}) enrolled`);
    return { status: 200, body: { workstationId: grant.workstationId, deviceToken, role: grant.role, walls: grant.walls } };
  }

  return (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const route = path === ENROLMENT_PATHS.codes ? createCode : path === ENROLMENT_PATHS.exchange ? exchange : null;
    if (route === null) return false;
    const send = (answer: Answer): void => {
      res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(answer.body));
    };
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      send(error(405, 'bad-request', 'use POST'));
      return true;
    }
    route(req)
      .then(send)
      .catch((caught: unknown) => {
        if (caught instanceof BodyError) return send(caught.answer);
        log.error(`enrolment request failed: ${(caught as Error).message}`);
        send(error(500, 'server-error', 'the server could not handle the request'));
      });
    return true;
  };
}
