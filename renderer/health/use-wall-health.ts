import { useEffect, useState } from 'react';
import { HEALTH_EVENTS, HealthListReplySchema, HealthListSchema, type HealthList } from '../../protocol/health.js';

/** The part of a socket.io client socket the wall-health page uses (one that said hello as a supervisor). */
export interface HealthSocket {
  emit(event: string, ...args: unknown[]): unknown;
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

export type WallHealthState = { status: 'loading' } | { status: 'refused'; message: string } | { status: 'ready'; list: HealthList };

/** Subscribes to the wall-health list on `socket` while mounted; every pushed list is validated. */
export function useWallHealth(socket: HealthSocket): WallHealthState {
  const [state, setState] = useState<WallHealthState>({ status: 'loading' });
  useEffect(() => {
    const onList = (payload: unknown): void => {
      const parsed = HealthListSchema.safeParse(payload);
      if (parsed.success) setState({ status: 'ready', list: parsed.data });
    };
    socket.on(HEALTH_EVENTS.list, onList);
    socket.emit(HEALTH_EVENTS.subscribe, null, (reply: unknown) => {
      const parsed = HealthListReplySchema.safeParse(reply);
      if (!parsed.success) setState({ status: 'refused', message: 'unexpected reply' });
      else if (parsed.data.ok) setState({ status: 'ready', list: parsed.data.list });
      else setState({ status: 'refused', message: parsed.data.error.message });
    });
    return () => {
      socket.off(HEALTH_EVENTS.list, onList);
      socket.emit(HEALTH_EVENTS.unsubscribe);
    };
  }, [socket]);
  return state;
}
