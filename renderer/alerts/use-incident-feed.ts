import { useCallback, useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { AcknowledgeReply } from '../../protocol/incidents.js';
import { IncidentFeed, type FeedState } from './incident-feed.js';

const IDLE: FeedState = { status: 'idle', snapshot: null, error: null };

/**
 * Incidents and alerts over the screen's socket. `ready` is true once the screen's hello has been
 * accepted (the server refuses a subscription before); each time it turns true the feed subscribes.
 */
export function useIncidentFeed(socket: Socket | null, ready: boolean): { state: FeedState; acknowledge: (alertId: string) => Promise<AcknowledgeReply> } {
  const [feed, setFeed] = useState<IncidentFeed | null>(null);
  const [state, setState] = useState<FeedState>(IDLE);

  useEffect(() => {
    if (!socket) return undefined;
    const created = new IncidentFeed(socket);
    setFeed(created);
    setState(created.state);
    const stop = created.onState(setState);
    return () => {
      stop();
      created.close();
      setFeed(null);
    };
  }, [socket]);

  useEffect(() => {
    if (feed && ready) void feed.subscribe();
  }, [feed, ready]);

  const acknowledge = useCallback(
    (alertId: string): Promise<AcknowledgeReply> =>
      feed ? feed.acknowledge(alertId) : Promise.resolve({ ok: false, error: { code: 'not-ready', message: 'no connection', issues: [] } }),
    [feed],
  );
  return { state, acknowledge };
}
