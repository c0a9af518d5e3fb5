import type { Server as SocketServer, Socket } from 'socket.io';
import { mayOperateWall } from '../../protocol/auth.js';
import type { ProtocolError } from '../../protocol/errors.js';
import type { AuditEntry } from '../../protocol/intents.js';
import {
  AcknowledgeRequestSchema,
  INCIDENT_EVENTS,
  type AcknowledgeReply,
  type IncidentChange,
  type IncidentChangeBatch,
  type IncidentSubscribeReply,
} from '../../protocol/incidents.js';
import { describeIssues, formatIssues } from '../../protocol/validation.js';
import { identityOf, type ConnectionIdentity } from '../auth/principal.js';
import { createLogger } from '../log.js';
import type { IncidentService } from './incident-service.js';

const log = createLogger('incidents');

/** The room every subscribed socket is in. */
const SUBSCRIBERS_ROOM = 'incidents';

/** What the channel reports to the audit log: the wall store's entry, without its id. */
export type IncidentAuditEntry = Omit<AuditEntry, 'id'>;

export interface IncidentChannelOptions {
  audit(entry: IncidentAuditEntry): void;
  /** Changes are gathered for this long and pushed as one batch. Default 100 ms. */
  batchIntervalMs?: number;
}

export interface IncidentChannel {
  /** Stops pushing changes; sockets stay connected. */
  close(): void;
}

function refusal(code: ProtocolError['code'], message: string, issues: ProtocolError['issues'] = []): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code, message, issues } };
}

const NOT_IDENTIFIED = refusal('unauthorized', 'say hello first: this connection has no accepted identity');

/** Answers an acknowledgement request: who may, and what changed; audits what an identified user tried. */
function acknowledgeFor(
  identity: ConnectionIdentity | undefined,
  payload: unknown,
  service: IncidentService,
  audit: (entry: IncidentAuditEntry) => void,
): AcknowledgeReply {
  if (!identity) return NOT_IDENTIFIED;
  const { principal, wallId, screenId } = identity;
  const record = (outcome: AuditEntry['outcome'], detail: string, at = new Date().toISOString()): void =>
    audit({ at, wallId, userId: principal.userId, userName: principal.name, workstationId: identity.workstationId, action: 'alert-acknowledge', detail: `${detail} (screen ${screenId})`, outcome });
  const parsed = AcknowledgeRequestSchema.safeParse(payload);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return refusal('bad-request', `invalid acknowledgement: ${formatIssues(issues)}`, issues);
  }
  const { alertId } = parsed.data;
  if (!mayOperateWall(principal, wallId)) {
    record('refused', `alert ${alertId}: role ${principal.role} may not acknowledge on this wall`);
    return refusal('forbidden', `${principal.name} (${principal.role}) may not acknowledge alerts on wall "${wallId}"`);
  }
  const alreadyAcknowledged = service.alert(alertId)?.acknowledgedBy !== undefined;
  const outcome = service.acknowledge(alertId, { userId: principal.userId, name: principal.name });
  if (!outcome.ok) return outcome;
  if (!alreadyAcknowledged) {
    const { alert } = outcome;
    const incident = alert.incidentId !== undefined ? ` incident ${alert.incidentId}` : '';
    record('applied', `alert ${alert.id}${incident} [${alert.priority}] ${alert.text}`, alert.acknowledgedAt);
  }
  return { ok: true, alert: outcome.alert };
}

/**
 * The incident channel on the wall's socket.io server: subscribe for a snapshot, receive change
 * batches, acknowledge alerts (operators and supervisors of the connection's wall).
 */
export function attachIncidentChannel(io: SocketServer, service: IncidentService, options: IncidentChannelOptions): IncidentChannel {
  const interval = options.batchIntervalMs ?? 100;
  let pending: IncidentChange[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  // A busy feed becomes one message per interval for every screen, not one per change.
  const flush = (): void => {
    timer = undefined;
    if (pending.length === 0) return;
    const batch: IncidentChangeBatch = { changes: pending };
    pending = [];
    io.to(SUBSCRIBERS_ROOM).emit(INCIDENT_EVENTS.changes, batch);
  };
  const stopListening = service.onChange((change) => {
    pending.push(change);
    timer ??= setTimeout(flush, interval);
  });

  const onConnection = (socket: Socket): void => {
    socket.on(INCIDENT_EVENTS.subscribe, (_payload: unknown, reply: unknown) => {
      // socket.io passes the acknowledgement last; a subscribe without payload has it first.
      const acknowledge = typeof reply === 'function' ? reply : typeof _payload === 'function' ? _payload : undefined;
      let answer: IncidentSubscribeReply;
      if (!identityOf(socket)) {
        answer = NOT_IDENTIFIED;
      } else {
        // Joined before the snapshot: a change pending now reaches this socket too and is skipped by sequence.
        void socket.join(SUBSCRIBERS_ROOM);
        answer = { ok: true, snapshot: service.snapshot() };
      }
      if (acknowledge) (acknowledge as (reply: IncidentSubscribeReply) => void)(answer);
    });
    socket.on(INCIDENT_EVENTS.unsubscribe, () => void socket.leave(SUBSCRIBERS_ROOM));
    socket.on(INCIDENT_EVENTS.acknowledge, (payload: unknown, reply: unknown) => {
      const answer = acknowledgeFor(identityOf(socket), payload, service, options.audit);
      if (!answer.ok) log.warn(`${socket.id}: acknowledge refused: ${answer.error.message}`);
      if (typeof reply === 'function') (reply as (reply: AcknowledgeReply) => void)(answer);
    });
  };
  io.on('connection', onConnection);

  return {
    close: () => {
      io.off('connection', onConnection);
      stopListening();
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = [];
    },
  };
}
