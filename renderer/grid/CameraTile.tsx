import type { Camera } from '../../protocol/index.js';
import type { Strings } from '../i18n/strings.js';
import { H265_UNSUPPORTED } from '../player/codec-support.js';
import { formatElapsed, type TileHealth, type TileStatus } from '../player/tile-watchdog.js';
import { useNow } from '../player/use-live-player.js';
import { useSeamlessPlayer } from '../player/use-seamless-player.js';
import { TileStatsOverlay } from './TileStatsOverlay.js';
import { TileMarks, tileFrame, type TileFrameProps } from './tile-frame.js';

interface CameraTileProps extends TileFrameProps {
  camera: Camera | null;
  /** Which rendition suits this tile's size. */
  profile: 'main' | 'sub';
  showStats: boolean;
  /** Many small tiles: batch network data to save decoding time, at some latency. */
  frugal: boolean;
  strings: Strings;
}

const STATUS_ICON: Record<TileStatus, string> = { connecting: '◌', live: '●', stalled: '⏸', reconnecting: '⟳', offline: '✕', paused: '❚❚' };
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** The status line of a tile, in words: "LIVE", "STALE 00:12", "OFFLINE since 05:51:02". */
function statusText(health: TileHealth, now: number, strings: Strings): string {
  switch (health.status) {
    case 'connecting':
      return strings.tileConnecting;
    case 'live':
      return strings.tileLive;
    case 'stalled':
      return `${strings.tileStalled} ${formatElapsed(now - health.since)}`;
    case 'reconnecting':
      return health.lastFrameAt === null ? strings.tileReconnecting : `${strings.tileReconnecting} ${formatElapsed(now - health.lastFrameAt)}`;
    case 'offline':
      return `${strings.tileOffline} ${strings.since} ${clock.format(new Date(performance.timeOrigin + health.since))}`;
    case 'paused':
      return strings.tilePaused;
  }
}

/** One tile of the grid: the camera's live picture, its name, and its state in words. */
export function CameraTile(props: CameraTileProps) {
  const { tileNumber, camera, profile, showStats, frugal, strings, covered, pinnedBy } = props;
  const url = camera ? (profile === 'sub' ? (camera.streams.sub ?? camera.streams.main) : camera.streams.main) : null;
  const { videos, health, player } = useSeamlessPlayer(url, frugal, covered);
  const now = useNow(health.status === 'stalled' || health.status === 'reconnecting');

  if (!camera) {
    return (
      <div {...tileFrame(props, 'tile tile--empty')} data-testid="tile" data-state="empty">
        <TileMarks tileNumber={tileNumber} pinnedBy={pinnedBy} strings={strings} />
        <span className="tile__empty">{strings.tileEmpty}</span>
      </div>
    );
  }
  const { status } = health;
  return (
    <div {...tileFrame(props, `tile tile--${status}`)} data-testid="tile" data-state={status} data-camera-id={camera.id}>
      {videos.map((video, index) => (
        <video
          key={index}
          ref={video.ref}
          className={video.active ? 'tile__video' : 'tile__video tile__video--standby'}
          data-active={video.active}
          muted
          playsInline
          autoPlay
          disablePictureInPicture
        />
      ))}
      <TileMarks tileNumber={tileNumber} pinnedBy={pinnedBy} strings={strings} />
      <span className={`tile__state tile__state--${status}`} role="status" data-testid="tile-status">
        <span aria-hidden="true">{STATUS_ICON[status]}</span> {statusText(health, now, strings)}
      </span>
      {health.lastError !== null && status !== 'live' && (
        <span className="tile__error" data-testid="tile-error">
          {health.lastError === H265_UNSUPPORTED ? strings.h265Unsupported : health.lastError}
        </span>
      )}
      {showStats && <TileStatsOverlay player={player} />}
      {props.decoration?.extras}
      <div className="tile__caption">
        <span className="tile__camera-number">{camera.number}</span>
        <span className="tile__name" data-testid="tile-name">{camera.name}</span>
        <span className={`tile__agency tile__agency--${camera.agency}`}>{strings.agency[camera.agency]}</span>
      </div>
    </div>
  );
}
