import type { AlertStrings } from './strings.js';

/** The alarm sound's switch, in words when muted (a struck-out icon alone is easy to miss). */
export function MuteButton({ muted, onToggle, strings }: { muted: boolean; onToggle(): void; strings: AlertStrings }) {
  return (
    <button type="button" className={muted ? 'ticker__mute ticker__mute--muted' : 'ticker__mute'} onClick={onToggle} title={muted ? strings.unmute : strings.mute}>
      {muted ? `✕ ${strings.muted}` : '♪'}
    </button>
  );
}
