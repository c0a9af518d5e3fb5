import type { Server as SocketServer, Socket } from 'socket.io';
import { describeIssues, formatIssues } from '../../protocol/validation.js';
import { PTZ_EVENTS, PtzCommandSchema, type PtzLocksReply, type PtzReply } from '../../protocol/ptz.js';
import { identityOf } from '../auth/principal.js';
import { createLogger } from '../log.js';
import type { PtzService } from './ptz-service.js';

const log = createLogger('ptz');

const notIdentified = { ok: false, error: { code: 'unauthorized', message: 'say hello before controlling cameras', issues: [] } } as const;

function reply<T>(acknowledge: unknown, value: T): void {
  if (typeof acknowledge === 'function') acknowledge(value);
}

/**
 * The PTZ channel on the hub's socket.io server: commands from sockets whose hello was accepted,
 * every change of holder or move broadcast to all, and a socket's moves stopped when it goes.
 * Returns the function that detaches it.
 */
export function attachPtzChannel(io: SocketServer, service: PtzService): () => void {
  const unsubscribe = service.onState((state) => io.emit(PTZ_EVENTS.state, state));

  const onConnection = (socket: Socket): void => {
    socket.on(PTZ_EVENTS.command, (payload: unknown, acknowledge: unknown) => {
      const identity = identityOf(socket);
      if (!identity) return reply(acknowledge, notIdentified);
      const command = PtzCommandSchema.safeParse(payload);
      if (!command.success) {
        const issues = describeIssues(command.error);
        return reply<PtzReply>(acknowledge, { ok: false, error: { code: 'bad-request', message: `PTZ command refused: ${formatIssues(issues)}`, issues } });
      }
      const client = { clientId: socket.id, principal: identity.principal, wallId: identity.wallId };
      service.handle(client, command.data).then(
        (answer) => {
          if (!answer.ok && answer.error.code === 'device-error') log.warn(`${command.data.cameraId}: ${answer.error.message}`);
          reply(acknowledge, answer);
        },
        (error: unknown) => {
          log.error(`PTZ ${command.data.type} on ${command.data.cameraId}: ${String(error)}`);
          reply<PtzReply>(acknowledge, { ok: false, error: { code: 'device-error', message: 'the PTZ command failed on the server', issues: [] } });
        },
      );
    });
    socket.on(PTZ_EVENTS.locks, (acknowledge: unknown) => {
      if (!identityOf(socket)) return reply(acknowledge, notIdentified);
      reply<PtzLocksReply>(acknowledge, { ok: true, states: service.states() });
    });
    // No runaway camera: whatever this socket was moving stops when it goes.
    socket.on('disconnect', () => void service.clientGone(socket.id));
  };

  io.on('connection', onConnection);
  return () => {
    unsubscribe();
    io.off('connection', onConnection);
  };
}
