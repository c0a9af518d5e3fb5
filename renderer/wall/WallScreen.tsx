import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_KEYMAP, type Intent, type KeymapFile, type ScreenTarget } from '../../protocol/index.js';
import { AlertTicker } from '../alerts/AlertTicker.js';
import { useCriticalSound, useMutePreference } from '../alerts/critical-sound.js';
import { useIncidentFeed } from '../alerts/use-incident-feed.js';
import { briefingOrder, briefingStep } from '../briefing/briefing-steps.js';
import { currentHostBridge } from '../bridge/host-bridge.js';
import { UnassignedScreensNotice, useShellStatus } from '../health/UnassignedScreensNotice.js';
import { WallHealthPage } from '../health/WallHealthPage.js';
import { PtzBadge } from '../ptz/PtzBadge.js';
import { usePtzControl } from '../ptz/use-ptz-control.js';
// The map, briefing and alert-list panels load on first use: a camera-only screen never fetches
// maplibre-gl (about a megabyte of script).
const FeaturePanel = lazy(() => import('./FeaturePanel.js').then((module) => ({ default: module.FeaturePanel })));
import { useHealthReporter } from './use-health-reporter.js';
import { GridScreen } from '../grid/GridScreen.js';
import type { PanelKind } from '../grid/PanelTile.js';
import type { Strings } from '../i18n/strings.js';
import { EMPTY_ENTRY, isEmptyEntry, type EntryState } from '../keyboard/entry-grammar.js';
import { dispatchKey, type KeyEffect, type Selection, type Toggle } from '../keyboard/key-dispatch.js';
import type { KeyAction } from '../../protocol/index.js';
import { CameraSearch } from '../panels/CameraSearch.js';
import { HelpOverlay } from '../panels/HelpOverlay.js';
import { SupervisorPanel } from '../panels/SupervisorPanel.js';
import type { ScreenConnection, ConnectionState } from '../sync/screen-connection.js';
import { StatusBar } from './StatusBar.js';
import { useHint } from './use-hint.js';
import { PTZ_HOLD_ACTIONS, useWallKeyboard } from './use-wall-keyboard.js';
import { DEFAULT_TIME_ZONE } from './wall-clock.js';

export interface WallScreenProps {
  target: ScreenTarget;
  connection: ScreenConnection | null;
  state: ConnectionState;
  strings: Strings;
  keymap?: KeymapFile;
}

/**
 * One wall screen: its grid from the shared wall state, the status bar, the keyboard (keymap and
 * keypad grammar), the camera search, help and, for supervisors, the audit and history panel.
 */
export function WallScreen({ target, connection, state, strings, keymap = DEFAULT_KEYMAP }: WallScreenProps) {
  const snapshot = state.snapshot;
  const wall = snapshot?.wall ?? null;
  const ownScreenId = snapshot?.screenId ?? target.screenId;
  const [selection, setSelection] = useState<Selection>({ screenId: ownScreenId, tileIndex: 0 });
  const [entry, setEntry] = useState<EntryState>(EMPTY_ENTRY);
  const [toggles, setToggles] = useState<ReadonlySet<Toggle>>(new Set());
  const [hint, showHint] = useHint();
  const latestKeyAction = useRef<(action: KeyAction, phase: 'down' | 'up', fast: boolean) => void>(() => undefined);
  const onKeyActionRef = (action: KeyAction, phase: 'down' | 'up', fast: boolean) => latestKeyAction.current(action, phase, fast);
  const cameras = useMemo(() => new Map((snapshot?.cameras ?? []).map((camera) => [camera.id, camera])), [snapshot?.cameras]);
  const clockOffsetMs = useMemo(() => (snapshot ? Date.parse(snapshot.serverTime) - Date.now() : 0), [snapshot?.serverTime]);

  const send = useCallback(async (intent: Intent) => {
    if (!connection) return;
    const reply = await connection.send(intent);
    if (!reply.ok) showHint(`${strings.refusedAction}: ${reply.error.message}`);
  }, [connection, showHint, strings]);

  const selectedScreen = wall?.screens.find((screen) => screen.id === selection.screenId);
  const selectedContent = selectedScreen?.tiles[Math.min(selection.tileIndex, selectedScreen.tiles.length - 1)]?.content;
  const selectedCamera = selectedContent?.kind === 'camera' ? selectedContent.cameraId : null;
  const ptzMode = toggles.has('ptz-mode') && selectedCamera !== null && cameras.get(selectedCamera)?.ptz === true;
  const ptzCamera = selectedCamera !== null && cameras.get(selectedCamera)?.ptz === true && state.session?.mayOperate === true ? selectedCamera : null;
  const ptz = usePtzControl(connection?.socket ?? null, ptzCamera, ptzCamera !== null && state.status === 'online');

  const feed = useIncidentFeed(connection?.socket ?? null, state.status === 'online');
  const [muted, toggleMute] = useMutePreference();
  useCriticalSound(feed.state.snapshot?.alerts ?? null, muted);
  const incidents = feed.state.snapshot?.incidents ?? [];
  const alerts = feed.state.snapshot?.alerts ?? [];
  const acknowledge = state.session?.mayOperate ? (alertId: string) => void feed.acknowledge(alertId).then((reply) => { if (!reply.ok) showHint(reply.error.message); }) : undefined;

  const bridge = useMemo(currentHostBridge, []);
  const shell = useShellStatus(bridge);
  useHealthReporter(connection?.socket ?? null, state.status === 'online', target, shell);
  useEffect(() => {
    if (selection.screenId === ownScreenId) bridge.selectScreen(ownScreenId);
  }, [bridge, selection.screenId, ownScreenId]);

  const perform = (effects: KeyEffect[]) => {
    for (const effect of effects) {
      switch (effect.type) {
        case 'intent': void send(effect.intent); break;
        case 'select': setSelection(effect.selection); break;
        case 'entry': setEntry(effect.entry); break;
        case 'hint': showHint(effect.text); break;
        case 'toggle':
          if (effect.toggle === 'mute') {
            toggleMute();
            break;
          }
          if (effect.toggle === 'identify') {
            void bridge.identifyDisplays().then((shown) => { if (!shown) showHint('identify displays: only in the desktop app'); });
            break;
          }
          setToggles((current) => {
            const next = new Set(current);
            if (next.has(effect.toggle)) next.delete(effect.toggle);
            else next.add(effect.toggle);
            return next;
          });
          break;
        case 'ptz-preset':
          if (effect.save) ptz.savePreset(effect.number);
          else ptz.gotoPreset(effect.number);
          break;
        case 'acknowledge-alert': {
          const newest = alerts.filter((alert) => !alert.acknowledgedBy).sort((a, b) => b.at.localeCompare(a.at))[0];
          if (newest && acknowledge) acknowledge(newest.id);
          break;
        }
        case 'briefing': {
          const current = wall?.briefing.incidentIds[wall.briefing.index] ?? null;
          const next = briefingStep(briefingOrder(incidents), current, effect.step);
          if (next !== null) void send({ type: 'set-briefing', incidentIds: [next], index: 0 });
          break;
        }
      }
    }
  };

  useWallKeyboard({
    keymap,
    layers: { ptz: ptzMode, briefing: selectedContent?.kind === 'briefing' },
    onAction: (action, phase, fast) => onKeyAction(action, phase, fast),
  });
  // Global shortcuts and the PTZ control window of the desktop app arrive through the bridge.
  useEffect(() => bridge.onAction(({ action, fast, phase }) => onKeyActionRef(action, phase === 'stop' ? 'up' : 'down', fast ?? false)), [bridge]);

  function onKeyAction(action: KeyAction, phase: 'down' | 'up', fast: boolean): void {
    if (PTZ_HOLD_ACTIONS.has(action) || action === 'ptz-home') {
      if (ptzCamera === null) {
        if (phase === 'down') showHint(selectedCamera !== null && cameras.get(selectedCamera)?.ptz ? strings.viewOnly : `${strings.camera}: no PTZ`);
        return;
      }
      if (phase === 'down') ptz.press(action, fast);
      else ptz.release(action);
      return;
    }
    if (phase === 'up' || !wall) return;
    perform(dispatchKey(action, { wall, session: state.session, selection, entry, incidents }));
  }
  latestKeyAction.current = onKeyAction;

  if (!snapshot || !wall) {
    return <StatusBar connection={state} wall={null} screenName={`${target.wallId} / ${target.screenId}`} selection={selection} entry={entry} entryActive={false} hint={hint} strings={strings} language={target.language} timeZone={target.timeZone ?? DEFAULT_TIME_ZONE} />;
  }
  const screen = wall.screens.find((candidate) => candidate.id === ownScreenId);
  const mayOperate = state.session?.mayOperate === true;
  return (
    <>
      <StatusBar
        connection={state}
        wall={wall}
        screenName={screen?.name ?? ownScreenId}
        selection={selection}
        entry={entry}
        entryActive={!isEmptyEntry(entry)}
        hint={hint}
        strings={strings}
        language={target.language}
        timeZone={target.timeZone ?? DEFAULT_TIME_ZONE}
      />
      {screen && (
        <GridScreen
          screen={screen}
          cameras={cameras}
          pins={wall.pins}
          selectedTile={selection.screenId === screen.id ? selection.tileIndex : null}
          showStats={toggles.has('stats')}
          strings={strings}
          clockOffsetMs={clockOffsetMs}
          onSelectTile={(tileIndex) => setSelection({ screenId: screen.id, tileIndex })}
          onDropCamera={(tileIndex, cameraId) => {
            setSelection({ screenId: screen.id, tileIndex });
            if (mayOperate) void send({ type: 'put-camera', screenId: screen.id, tileIndex, camera: { id: cameraId } });
            else showHint(strings.viewOnly);
          }}
          renderPanel={(kind: PanelKind) => (
            <Suspense fallback={<span className="tile__empty">{strings.panel[kind]}</span>}>
            <FeaturePanel
              kind={kind}
              target={target}
              wall={wall}
              mapSettings={snapshot.map}
              cameras={snapshot.cameras}
              incidents={incidents}
              alerts={alerts}
              feedStatus={feed.state.status}
              heatmap={toggles.has('heatmap')}
              muted={muted}
              onToggleMute={toggleMute}
              onAcknowledge={acknowledge}
              strings={strings}
              onBriefing={(incidentId) => void send({ type: 'set-briefing', incidentIds: incidentId === null ? [] : [incidentId], index: 0 })}
              onSendCamera={(cameraId, tileIndex) => void send({ type: 'put-camera', screenId: ownScreenId, tileIndex, camera: { id: cameraId } })}
              onPushIncident={mayOperate ? (incidentId, screenId) => void send({ type: 'push-incident', screenId, incidentId, revertAfterSeconds: null }) : undefined}
            />
            </Suspense>
          )}
          decorateTile={(index) => (ptzCamera !== null && selection.screenId === screen.id && index === selection.tileIndex
            ? { extras: <PtzBadge active state={ptz.state} selfUserId={state.session?.userId ?? null} error={ptz.error} language={target.language} />, pointerHandlers: ptz.pointerHandlers }
            : undefined)}
        />
      )}
      <UnassignedScreensNotice status={shell} language={target.language} />
      <AlertTicker alerts={alerts} status={feed.state.status} language={target.language} muted={muted} onToggleMute={toggleMute} {...(acknowledge ? { onAcknowledge: acknowledge } : {})} />
      {toggles.has('health') && state.session?.role === 'supervisor' && connection && <WallHealthPage socket={connection.socket} language={target.language} />}
      {toggles.has('help') && <HelpOverlay keymap={keymap} strings={strings} language={target.language} />}
      {toggles.has('search') && (
        <CameraSearch
          cameras={snapshot.cameras}
          groups={wall.groups}
          strings={strings}
          onShowGroup={(groupId) => {
            if (mayOperate) void send({ type: 'show-group', screenId: selection.screenId, groupId });
            else showHint(strings.viewOnly);
          }}
          onTour={(cameraIds, dwellSeconds) => {
            if (mayOperate) void send({ type: 'set-tile', screenId: selection.screenId, tileIndex: selection.tileIndex, content: { kind: 'tour', cameraIds, dwellSeconds, startedAt: new Date(Date.now() + clockOffsetMs).toISOString() } });
            else showHint(strings.viewOnly);
          }}
          onClose={() => perform([{ type: 'toggle', toggle: 'search' }])}
          onChoose={(cameraId) => {
            if (mayOperate) void send({ type: 'put-camera', screenId: selection.screenId, tileIndex: selection.tileIndex, camera: { id: cameraId } });
            else showHint(strings.viewOnly);
          }}
        />
      )}
      {toggles.has('audit') && state.session?.role === 'supervisor' && connection && (
        <SupervisorPanel wall={wall} screenId={selection.screenId} strings={strings} query={(query) => connection.query(query)} send={(intent) => connection.send(intent)} onHint={showHint} />
      )}
    </>
  );
}
