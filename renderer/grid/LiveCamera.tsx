import type { Camera } from '../../protocol/index.js';
import type { Strings } from '../i18n/strings.js';
import { useSeamlessPlayer } from '../player/use-seamless-player.js';

/** A camera's live picture outside the grid (map pop-up, briefing), with its name and state in words. */
export function LiveCamera({ camera, strings }: { camera: Camera; strings: Strings }) {
  const url = camera.streams.sub ?? camera.streams.main;
  const { videos, health } = useSeamlessPlayer(url, false);
  const stateText: Record<string, string> = {
    connecting: strings.tileConnecting, live: strings.tileLive, stalled: strings.tileStalled,
    reconnecting: strings.tileReconnecting, offline: strings.tileOffline, paused: strings.tilePaused,
  };
  return (
    <div className={`live-camera tile--${health.status}`} data-testid="live-camera" data-camera-id={camera.id} data-state={health.status}>
      {videos.map((video, index) => (
        <video key={index} ref={video.ref} className={video.active ? 'tile__video' : 'tile__video tile__video--standby'} data-active={video.active} muted playsInline autoPlay disablePictureInPicture />
      ))}
      <span className={`tile__state tile__state--${health.status}`}>{stateText[health.status] ?? health.status}</span>
      <div className="tile__caption">
        <span className="tile__camera-number">{camera.number}</span>
        <span className="tile__name">{camera.name}</span>
      </div>
    </div>
  );
}
