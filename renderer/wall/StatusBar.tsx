import { useEffect, useState } from 'react';
import type { Language, WallState } from '../../protocol/index.js';
import type { Strings } from '../i18n/strings.js';
import type { EntryState } from '../keyboard/entry-grammar.js';
import type { Selection } from '../keyboard/key-dispatch.js';
import type { ConnectionState } from '../sync/screen-connection.js';
import { formatWallClock } from './wall-clock.js';

function useSecondClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** The keypad entry as it is typed: "MON 2 · TILE 5 · CAM 17_". */
export function entryText(entry: EntryState, strings: Strings): string {
  const parts: string[] = [];
  if (entry.monitor !== null) parts.push(`${strings.monitor} ${entry.monitor}`);
  if (entry.tile !== null) parts.push(`${strings.tile} ${entry.tile}`);
  parts.push(`${entry.digits}_`);
  return parts.join(' · ');
}

export interface StatusBarProps {
  connection: ConnectionState;
  wall: WallState | null;
  screenName: string;
  selection: Selection;
  entry: EntryState;
  entryActive: boolean;
  hint: string | null;
  strings: Strings;
  language: Language;
  timeZone: string;
}

/**
 * The strip at the top of every screen: which screen this is, who is signed in, the server link
 * in words, the local time, what is selected and what is being typed on the keypad.
 */
export function StatusBar({ connection, wall, screenName, selection, entry, entryActive, hint, strings, language, timeZone }: StatusBarProps) {
  const clock = formatWallClock(useSecondClock(), timeZone, language);
  const { status } = connection;
  const stale = connection.snapshot !== null && status !== 'online';
  const linkText = status === 'online' ? strings.serverOnline : status === 'offline' ? strings.serverOffline : strings.serverConnecting;
  const icon = status === 'online' ? '●' : status === 'offline' ? '✕' : '◌';
  const monitorNumber = wall ? wall.screens.findIndex((screen) => screen.id === selection.screenId) + 1 : 0;
  const session = connection.session;
  return (
    <header className={`badge badge--${status}${stale ? ' badge--stale' : ''}`} data-testid="connection-badge" role="status">
      <span className="badge__screen" data-testid="screen-name">{wall ? `${wall.name} · ${screenName}` : screenName}</span>
      {stale && <span className="badge__stale" data-testid="stale-state">⚠ {strings.offlineLastKnown}</span>}
      <span className="badge__selection" data-testid="selection">
        {strings.selected}: {strings.monitor} {monitorNumber} · {strings.tile} {selection.tileIndex + 1}
      </span>
      {entryActive && <span className="badge__entry" data-testid="entry">⌨ {entryText(entry, strings)}</span>}
      {hint !== null && <span className="badge__hint" data-testid="hint">{hint}</span>}
      {session && (
        <span className="badge__user" data-testid="user">
          {session.name} · {strings.role[session.role]}{session.mayOperate ? '' : ` · ${strings.viewOnly}`}
        </span>
      )}
      <span className="badge__link" data-testid="link-state"><span aria-hidden="true">{icon}</span> {linkText}</span>
      <span className="badge__clock" data-testid="clock" title={clock.date}>{clock.time} {clock.zone}</span>
    </header>
  );
}
