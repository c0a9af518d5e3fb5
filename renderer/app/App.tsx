import { useEffect, useMemo } from 'react';
import type { FieldIssue, ScreenTarget } from '../../protocol/index.js';
import { currentScreenTarget } from '../bridge/wall-bridge.js';
import { stringsFor, type Strings } from '../i18n/strings.js';
import { useScreenConnection } from '../sync/use-screen-connection.js';
import { currentKeymap } from '../keyboard/keymap-source.js';
import { WallScreen } from '../wall/WallScreen.js';
import { ProblemScreen } from './ProblemScreen.js';

/** The window's root: works out which screen it is, then shows it. */
export function App() {
  const target = useMemo(currentScreenTarget, []);
  if (!target.ok) {
    const strings = stringsFor('id');
    return <ProblemScreen title={strings.badTargetTitle} hint={strings.badTargetHint} issues={target.issues} />;
  }
  return <ConnectedScreen target={target.target} strings={stringsFor(target.target.language)} />;
}

function ConnectedScreen({ target, strings }: { target: ScreenTarget; strings: Strings }) {
  const { connection, state } = useScreenConnection(target);
  const { keymap, problem } = useMemo(() => currentKeymap(), []);
  useEffect(() => {
    if (problem !== null) console.warn(problem);
  }, [problem]);
  if (state.status === 'refused') {
    const issues: FieldIssue[] = state.error.issues;
    return <ProblemScreen title={strings.refusedTitle} hint={`${state.error.code}: ${state.error.message}`} issues={issues} />;
  }
  return (
    <div className="screen" data-testid="screen" data-connection={state.status} data-from-cache={state.fromCache}>
      <WallScreen target={target} connection={connection} state={state} strings={strings} keymap={keymap} />
    </div>
  );
}
