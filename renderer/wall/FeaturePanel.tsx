import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import type { Alert, Camera, Incident, MapSettings, ScreenTarget, WallState } from '../../protocol/index.js';
import { AlertList } from '../alerts/AlertList.js';
import type { FeedStatus } from '../alerts/incident-feed.js';
import { BriefingView } from '../briefing/BriefingView.js';
import { LiveCamera } from '../grid/LiveCamera.js';
import type { PanelKind } from '../grid/PanelTile.js';
import type { Strings } from '../i18n/strings.js';
import { IncidentMap } from '../map/IncidentMap.js';
import { mapOptionsFromSettings } from '../map/map-options.js';

export interface FeaturePanelProps {
  kind: PanelKind;
  target: ScreenTarget;
  wall: WallState;
  /** The deployment's map settings (walls file, via the snapshot): style, home, Mapbox token, fly-to. */
  mapSettings: MapSettings | undefined;
  cameras: readonly Camera[];
  incidents: readonly Incident[];
  alerts: readonly Alert[];
  feedStatus: FeedStatus;
  heatmap: boolean;
  muted: boolean;
  onToggleMute(): void;
  onAcknowledge: ((alertId: string) => void) | undefined;
  strings: Strings;
  /** Every briefing tile of the wall follows this: the presenter's choice goes through the server. */
  onBriefing(incidentId: string | null): void;
  /** "Send to tile N" from a camera pop-up on the map. */
  onSendCamera(cameraId: string, tileIndex: number): void;
  /** Pushes an incident to a screen of the wall; absent where the user may not (viewers). */
  onPushIncident?: ((incidentId: string, screenId: string) => void) | undefined;
}

/** A panel tile's content: the incident map, the full alert list, or the briefing. */
export function FeaturePanel(props: FeaturePanelProps) {
  const { kind, target, wall, cameras, incidents, strings } = props;
  const { mapSettings } = props;
  const mapOptions = useMemo(() => ({
    flyToCritical: true,
    returnHomeAfterMs: 60_000,
    ...mapOptionsFromSettings(mapSettings),
    language: target.language,
    accidentHistoryUrl: new URL('/api/accident-history', target.serverUrl).href,
  }), [target, mapSettings]);
  const byId = useMemo(() => new Map(cameras.map((camera) => [camera.id, camera])), [cameras]);
  const screen = wall.screens.find((candidate) => candidate.id === target.screenId);
  const sendTargets = useMemo(() => (screen?.tiles ?? []).flatMap((tile, index) =>
    tile.content.kind === 'camera' || tile.content.kind === 'blank' ? [{ id: String(index), label: `${strings.tile} ${index + 1}` }] : []), [screen, strings]);
  // A pushed screen plays the incident's cameras in its own tiles: the briefing names them instead of decoding them twice.
  const shownOnTiles = useMemo(() => new Map((screen?.tiles ?? []).flatMap((tile, index) =>
    tile.content.kind === 'camera' ? [[tile.content.cameraId, `${strings.onTile} ${index + 1}`] as const] : [])), [screen, strings]);
  const renderCamera = (cameraId: string) => {
    const camera = byId.get(cameraId);
    return camera ? <LiveCamera camera={camera} strings={strings} /> : null;
  };

  if (kind === 'alerts') {
    return <AlertList alerts={props.alerts} status={props.feedStatus} language={target.language} muted={props.muted} onToggleMute={props.onToggleMute} {...(props.onAcknowledge ? { onAcknowledge: props.onAcknowledge } : {})} />;
  }
  if (kind === 'briefing') {
    const position = wall.briefing.incidentIds[wall.briefing.index] ?? null;
    const pushTargets = wall.screens.map((candidate, index) => ({ screenId: candidate.id, label: `${index + 1} · ${candidate.name}` }));
    return (
      <BriefingView
        incidents={incidents} cameras={cameras} position={position} onPositionChange={props.onBriefing} renderCamera={renderCamera} mapOptions={mapOptions}
        shownOnTiles={shownOnTiles}
        {...(props.onPushIncident ? { onPush: props.onPushIncident, pushTargets, pushLabel: strings.pushIncident } : {})}
      />
    );
  }
  return (
    <IncidentMap
      incidents={incidents}
      cameras={cameras}
      options={mapOptions}
      heatmapVisible={props.heatmap}
      sendTargets={sendTargets}
      onSendCamera={(cameraId, targetId) => props.onSendCamera(cameraId, Number(targetId))}
      renderCameraPopup={(cameraId, container) => {
        const camera = byId.get(cameraId);
        if (!camera) return undefined;
        const root = createRoot(container);
        root.render(<LiveCamera camera={camera} strings={strings} />);
        return () => root.unmount();
      }}
    />
  );
}
