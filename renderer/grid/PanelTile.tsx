import type { ReactNode } from 'react';
import type { Strings } from '../i18n/strings.js';
import { TileMarks, tileFrame, type TileFrameProps } from './tile-frame.js';

export type PanelKind = 'map' | 'alerts' | 'briefing';

/** A tile showing a panel (the map, the alert list, a briefing) instead of a camera. */
export function PanelTile(props: TileFrameProps & { kind: PanelKind; strings: Strings; children: ReactNode }) {
  return (
    <div {...tileFrame(props, `tile tile--panel tile--${props.kind}`)} data-testid="tile" data-state="panel" data-panel={props.kind}>
      <div className="tile__panel">{props.children}</div>
      <TileMarks tileNumber={props.tileNumber} pinnedBy={props.pinnedBy} strings={props.strings} />
    </div>
  );
}
