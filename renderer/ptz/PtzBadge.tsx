import type { ProtocolError } from '../../protocol/errors.js';
import type { PtzLockState, PtzVelocity } from '../../protocol/ptz.js';
import type { Language } from '../../protocol/screen-target.js';
import { ptzStringsFor, type PtzStrings } from './strings.js';

export interface PtzBadgeProps {
  /** PTZ mode is on for this tile. */
  active: boolean;
  state: PtzLockState | null;
  /** The user of this screen, to say "you" rather than their own name. */
  selfUserId: string | null;
  error: ProtocolError | null;
  language: Language;
}

/** Arrows and words for a move in progress, e.g. "↗ zoom +". */
export function describeMove(velocity: PtzVelocity, text: PtzStrings): string {
  const arrows: Record<string, string> = {
    '-1,1': '↖', '0,1': '↑', '1,1': '↗', '-1,0': '←', '1,0': '→', '-1,-1': '↙', '0,-1': '↓', '1,-1': '↘',
  };
  const arrow = arrows[`${Math.sign(velocity.pan)},${Math.sign(velocity.tilt)}`] ?? '';
  const zoom = velocity.zoom > 0 ? text.zoomIn : velocity.zoom < 0 ? text.zoomOut : '';
  return [arrow, zoom].filter((part) => part !== '').join(' ');
}

/** The tile's PTZ corner: that control is active, who holds the camera, and the move in progress. */
export function PtzBadge({ active, state, selfUserId, error, language }: PtzBadgeProps) {
  const text = ptzStringsFor(language);
  if (!active && state === null) return null;
  const holder = state?.holder ?? null;
  const mine = holder !== null && holder.userId === selfUserId;
  const holderText = holder === null ? text.free : `${text.heldBy}: ${mine ? text.you : holder.name}`;
  const move = state?.moving ? `${text.moving} ${describeMove(state.moving, text)}` : text.still;
  return (
    <div
      data-testid="ptz-badge"
      data-ptz-active={active}
      data-ptz-holder={holder?.userId ?? ''}
      data-ptz-moving={state?.moving ? 'true' : 'false'}
      // Below the tile's status pill (top right, LIVE/STALE), which it used to cover, and in the
      // wall's type size so it reads from across the room.
      style={{
        position: 'absolute', zIndex: 1, right: 8, maxWidth: 'calc(100% - 16px)', top: 'calc(8px + 1.8 * var(--small-size))', padding: '.2em .55em', borderRadius: 4,
        fontSize: 'var(--small-size)', fontWeight: 700, lineHeight: 1.25,
        color: '#fff', background: holder !== null && !mine ? 'rgba(160, 40, 20, 0.85)' : 'rgba(0, 0, 0, 0.7)', pointerEvents: 'none',
      }}
    >
      {active && <div>{text.active}</div>}
      <div>{holderText}</div>
      <div>{move}</div>
      {error && <div role="alert">{error.code === 'locked' ? text.locked : `${text.refused}: ${error.message}`}</div>}
    </div>
  );
}
