import { useEffect, useState } from 'react';
import type { ScreenTarget } from '../../protocol/index.js';
import { ScreenConnection, type ConnectionState } from './screen-connection.js';

/** The screen's connection (for sending intents) and its live state, for React components. */
export function useScreenConnection(target: ScreenTarget): { connection: ScreenConnection | null; state: ConnectionState } {
  const [connection, setConnection] = useState<ScreenConnection | null>(null);
  const [state, setState] = useState<ConnectionState>({ status: 'connecting', snapshot: null, session: null, fromCache: false });
  useEffect(() => {
    const link = new ScreenConnection(target);
    setConnection(link);
    setState(link.state);
    const unsubscribe = link.subscribe(setState);
    link.open();
    return () => {
      unsubscribe();
      link.close();
      setConnection(null);
    };
  }, [target]);
  return { connection, state };
}
