import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_KEYMAP, type Intent, type KeyAction, type KeymapFile, type ScreenTarget } from '../../protocol/index.js';
import { GridScreen } from '../grid/GridScreen.js';
import type { PanelKind } from '../grid/PanelTile.js';
import type { Strings } from '../i18n/strings.js';
import { EMPTY_ENTRY, isEmptyEntry, type EntryState } from '../keyboard/entry-grammar.js';
import { dispatchKey, type KeyEffect, type Selection, type Toggle } from '../keyboard/key-dispatch.js';
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
  /** Draws a panel tile (map, alerts, briefing); features plug in here. */
  renderPanel?(kind: PanelKind): ReactNode;
  /** PTZ key presses and releases for the selected tile's camera. */
  onPtz?(action: KeyAction, phase: 'down' | 'up', fast: boolean, cameraId: string | null): void;
  /** Keys the wall does not handle itself (acknowledge an alert, step a briefing, toggle the heatmap). */
  onOtherEffect?(effect: KeyEffect): void;
}

/**
 * One wall screen: its grid from the shared wall state, the status bar, the keyboard (keymap and
 * keypad grammar), the camera search, help and, for supervisors, the audit and history panel.
 */
export function WallScreen({ target, connection, state, strings, keymap = DEFAULT_KEYMAP, renderPanel, onPtz, onOtherEffect }: WallScreenProps) {
  const snapshot = state.snapshot;
  const wall = snapshot?.wall ?? null;
  const ownScreenId = snapshot?.screenId ?? target.screenId;
  const [selection, setSelection] = useState<Selection>({ screenId: ownScreenId, tileIndex: 0 });
  const [entry, setEntry] = useState<EntryState>(EMPTY_ENTRY);
  const [toggles, setToggles] = useState<ReadonlySet<Toggle>>(new Set());
  const [hint, showHint] = useHint();
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

  const perform = (effects: KeyEffect[]) => {
    for (const effect of effects) {
      switch (effect.type) {
        case 'intent': void send(effect.intent); break;
        case 'select': setSelection(effect.selection); break;
        case 'entry': setEntry(effect.entry); break;
        case 'hint': showHint(effect.text); break;
        case 'toggle':
          setToggles((current) => {
            const next = new Set(current);
            if (next.has(effect.toggle)) next.delete(effect.toggle);
            else next.add(effect.toggle);
            return next;
          });
          break;
        default: onOtherEffect?.(effect);
      }
    }
  };

  useWallKeyboard({
    keymap,
    layers: { ptz: ptzMode, briefing: selectedContent?.kind === 'briefing' },
    onAction: (action, phase, fast) => {
      if (PTZ_HOLD_ACTIONS.has(action) || action === 'ptz-home') {
        if (selectedCamera !== null && cameras.get(selectedCamera)?.ptz) onPtz?.(action, phase, fast, selectedCamera);
        else if (phase === 'down') showHint(`${strings.camera}: no PTZ`);
        return;
      }
      if (phase === 'up' || !wall) return;
      perform(dispatchKey(action, { wall, session: state.session, selection, entry }));
    },
  });

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
          renderPanel={(kind) => renderPanel?.(kind) ?? <span className="tile__empty">{strings.panel[kind]}</span>}
        />
      )}
      {toggles.has('help') && <HelpOverlay keymap={keymap} strings={strings} />}
      {toggles.has('search') && (
        <CameraSearch
          cameras={snapshot.cameras}
          strings={strings}
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
