import type { Server as SocketServer, Socket } from 'socket.io';
import { roleAtLeast } from '../../protocol/auth.js';
import { HEALTH_EVENTS, HEALTH_REPORT_INTERVAL_MS, HealthReportSchema, type HealthAck, type HealthListReply } from '../../protocol/health.js';
import { describeIssues, formatIssues } from '../../protocol/index.js';
import { identityOf } from '../auth/principal.js';
import { createLogger } from '../log.js';
import type { HealthStore } from './health-store.js';

const log = createLogger('health');
const SUPERVISORS_ROOM = 'health:supervisors';
/** A screen reports every few seconds; faster than this is refused (a page in a loop). */
const MIN_REPORT_GAP_MS = 1000;

export interface HealthChannel {
  close(): void;
}

const reply = (acknowledge: unknown, value: HealthAck | HealthListReply): void => {
  if (typeof acknowledge === 'function') (acknowledge as (value: unknown) => void)(value);
};

/**
 * The health channel on the hub's socket.io server. A screen reports its health only after its
 * hello was accepted (identityOf), and only for its own wall and screen; supervisors subscribe to
 * the list and receive it again after every report and when a screen falls silent.
 */
export function attachHealthChannel(io: SocketServer, store: HealthStore, now: () => number = Date.now): HealthChannel {
  const lastReportAt = new WeakMap<Socket, number>();
  const broadcast = (): void => {
    io.to(SUPERVISORS_ROOM).emit(HEALTH_EVENTS.list, store.list());
  };
  const unsubscribe = store.onChange(broadcast);
  // Silence is news too: a screen that stopped reporting turns "silent" without any event.
  const ticker = setInterval(() => {
    if ((io.sockets.adapter.rooms.get(SUPERVISORS_ROOM)?.size ?? 0) > 0) broadcast();
  }, HEALTH_REPORT_INTERVAL_MS);
  ticker.unref();

  const onConnection = (socket: Socket): void => {
    socket.on(HEALTH_EVENTS.report, (payload: unknown, acknowledge: unknown) => {
      const identity = identityOf(socket);
      if (!identity) return reply(acknowledge, { ok: false, error: { code: 'unauthorized', message: 'say hello first' } });
      const parsed = HealthReportSchema.safeParse(payload);
      if (!parsed.success) return reply(acknowledge, { ok: false, error: { code: 'bad-request', message: formatIssues(describeIssues(parsed.error)) } });
      const report = parsed.data;
      if (report.wallId !== identity.wallId || report.screenId !== identity.screenId) {
        return reply(acknowledge, { ok: false, error: { code: 'forbidden', message: `this connection is screen ${identity.wallId}/${identity.screenId}, not ${report.wallId}/${report.screenId}` } });
      }
      const at = now();
      const previous = lastReportAt.get(socket);
      if (previous !== undefined && at - previous < MIN_REPORT_GAP_MS) return reply(acknowledge, { ok: false, error: { code: 'rate-limited', message: 'one report per second at most' } });
      lastReportAt.set(socket, at);
      // The hub names the workstation (device token, else the hello's name); a person's browser counts as its user.
      store.put(identity.workstationId ?? identity.principal.workstationId ?? identity.principal.userId, report);
      reply(acknowledge, { ok: true });
    });
    socket.on(HEALTH_EVENTS.subscribe, (_payload: unknown, acknowledge: unknown) => {
      const identity = identityOf(socket);
      if (!identity) return reply(acknowledge, { ok: false, error: { code: 'unauthorized', message: 'say hello first' } });
      if (!roleAtLeast(identity.principal.role, 'supervisor')) return reply(acknowledge, { ok: false, error: { code: 'forbidden', message: 'wall health is for supervisors' } });
      void socket.join(SUPERVISORS_ROOM);
      log.info(`${identity.principal.name} watches wall health (${socket.id})`);
      reply(acknowledge, { ok: true, list: store.list() });
    });
    socket.on(HEALTH_EVENTS.unsubscribe, () => {
      void socket.leave(SUPERVISORS_ROOM);
    });
  };
  io.on('connection', onConnection);
  return {
    close: () => {
      clearInterval(ticker);
      unsubscribe();
      io.off('connection', onConnection);
    },
  };
}
