import { useMemo } from 'react';
import type { FieldIssue, ScreenTarget } from '../../protocol/index.js';
import { currentScreenTarget } from '../bridge/wall-bridge.js';
import { GridScreen } from '../grid/GridScreen.js';
import { stringsFor, type Strings } from '../i18n/strings.js';
import { useScreenConnection } from '../sync/use-screen-connection.js';
import { ConnectionBadge } from './ConnectionBadge.js';
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
  const connection = useScreenConnection(target);
  if (connection.status === 'refused') {
    const issues: FieldIssue[] = connection.error.issues;
    return <ProblemScreen title={strings.refusedTitle} hint={`${connection.error.code}: ${connection.error.message}`} issues={issues} />;
  }
  return (
    <div className="screen" data-testid="screen" data-connection={connection.status}>
      {connection.snapshot && <GridScreen snapshot={connection.snapshot} strings={strings} />}
      <ConnectionBadge connection={connection} strings={strings} target={target} />
    </div>
  );
}
