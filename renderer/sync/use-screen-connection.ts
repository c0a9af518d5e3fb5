import { useEffect, useState } from 'react';
import type { ScreenTarget } from '../../protocol/index.js';
import { ScreenConnection, type ConnectionState } from './screen-connection.js';

/** The live connection state of the screen `target`, for React components. */
export function useScreenConnection(target: ScreenTarget): ConnectionState {
  const [state, setState] = useState<ConnectionState>({ status: 'connecting', snapshot: null });
  useEffect(() => {
    const connection = new ScreenConnection(target);
    const unsubscribe = connection.subscribe(setState);
    connection.open();
    return () => {
      unsubscribe();
      connection.close();
    };
  }, [target]);
  return state;
}
