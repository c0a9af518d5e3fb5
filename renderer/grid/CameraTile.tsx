import { useEffect, useRef, useState } from 'react';
import type { Camera } from '../../protocol/index.js';
import type { Strings } from '../i18n/strings.js';
import { LivePlayer } from '../player/live-player.js';
import type { TileState } from '../player/tile-state.js';

interface CameraTileProps {
  tileNumber: number;
  camera: Camera | null;
  /** Which rendition suits this tile's size. */
  profile: 'main' | 'sub';
  strings: Strings;
}

const STATE_ICON: Record<TileState, string> = { connecting: '◌', live: '●', reconnecting: '⟳' };

/** One tile of the grid: the camera's live picture, its name, and its state in words. */
export function CameraTile({ tileNumber, camera, profile, strings }: CameraTileProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<TileState>('connecting');
  const url = camera ? (profile === 'sub' ? (camera.streams.sub ?? camera.streams.main) : camera.streams.main) : null;

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !url) return;
    setState('connecting');
    const player = new LivePlayer(video, url, setState);
    player.start();
    return () => player.destroy();
  }, [url]);

  if (!camera) {
    return (
      <div className="tile tile--empty" data-testid="tile" data-state="empty">
        <span className="tile__number">{tileNumber}</span>
        <span className="tile__empty">{strings.tileEmpty}</span>
      </div>
    );
  }
  const stateText = { connecting: strings.tileConnecting, live: strings.tileLive, reconnecting: strings.tileReconnecting }[state];
  return (
    <div className={`tile tile--${state}`} data-testid="tile" data-state={state} data-camera-id={camera.id}>
      <video ref={videoRef} className="tile__video" muted playsInline autoPlay disablePictureInPicture />
      <span className="tile__number">{tileNumber}</span>
      <span className={`tile__state tile__state--${state}`} role="status">
        <span aria-hidden="true">{STATE_ICON[state]}</span> {stateText}
      </span>
      <div className="tile__caption">
        <span className="tile__name" data-testid="tile-name">{camera.name}</span>
        <span className={`tile__agency tile__agency--${camera.agency}`}>{strings.agency[camera.agency]}</span>
      </div>
    </div>
  );
}
