import type { Socket } from 'socket.io';
import type { Principal } from '../../protocol/auth.js';

/** What the hub learnt about a connection when its hello was accepted. */
export interface ConnectionIdentity {
  principal: Principal;
  wallId: string;
  screenId: string;
  /** The workstation: the device token's, else the name the client gave in its hello; null if neither. */
  workstationId: string | null;
}

const identities = new WeakMap<Socket, ConnectionIdentity>();

/** Records who is behind a socket; only the hub calls this, after checking the token. */
export function setIdentity(socket: Socket, identity: ConnectionIdentity): void {
  identities.set(socket, identity);
}

/** Who is behind a socket, or undefined before its hello was accepted. Channels refuse such sockets. */
export function identityOf(socket: Socket): ConnectionIdentity | undefined {
  return identities.get(socket);
}
