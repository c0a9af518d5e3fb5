import type { ScreenTarget } from '../../protocol/index.js';
import type { Strings } from '../i18n/strings.js';
import type { ConnectionState } from '../sync/screen-connection.js';

/** The screen's name and its server link, in words, in a corner of the screen. */
export function ConnectionBadge({ connection, strings, target }: { connection: ConnectionState; strings: Strings; target: ScreenTarget }) {
  const screenName = connection.snapshot ? `${connection.snapshot.wall.name} · ${connection.snapshot.screen.name}` : `${target.wallId} / ${target.screenId}`;
  const text =
    connection.status === 'online' ? strings.serverOnline : connection.status === 'offline' ? strings.serverOffline : strings.serverConnecting;
  const icon = connection.status === 'online' ? '●' : connection.status === 'offline' ? '✕' : '◌';
  return (
    <div className={`badge badge--${connection.status}`} data-testid="connection-badge" role="status">
      <span className="badge__screen">{screenName}</span>
      <span className="badge__link">
        <span aria-hidden="true">{icon}</span> {text}
      </span>
    </div>
  );
}
