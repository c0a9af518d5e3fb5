import { useEffect, useState, type ReactNode } from 'react';
import { cameraShownAt, type Camera, type Pin, type ScreenState } from '../../protocol/index.js';
import type { Strings } from '../i18n/strings.js';
import { useDecodeBudget } from '../player/use-live-player.js';
import { CameraTile } from './CameraTile.js';
import { PanelTile, type PanelKind } from './PanelTile.js';
import { profileForTile } from './stream-profile.js';
import { placeTiles, type TileToPlace } from './tile-order.js';
import type { TileDecoration } from './tile-frame.js';

function useDevicePixelSize(): { width: number; height: number } {
  const measure = () => ({ width: window.innerWidth * window.devicePixelRatio, height: window.innerHeight * window.devicePixelRatio });
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const onResize = () => setSize(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

/** The wall clock, ticking once a second only while some tile tours. */
function useTourClock(touring: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!touring) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [touring]);
  return now;
}

/** From this many tiles on, players batch their input (see player-config.ts). */
const FRUGAL_FROM_TILES = 25;

export interface GridScreenProps {
  screen: ScreenState;
  cameras: ReadonlyMap<string, Camera>;
  pins: readonly Pin[];
  /** The selected tile when this screen is the selected one, else null. */
  selectedTile: number | null;
  showStats: boolean;
  strings: Strings;
  /** Server time minus local time, so tours switch at the same moment on every screen. */
  clockOffsetMs: number;
  onSelectTile(index: number): void;
  onDropCamera(index: number, cameraId: string): void;
  renderPanel(kind: PanelKind): ReactNode;
  /** A feature's additions to one tile (the PTZ badge and pointer steering on the selected tile). */
  decorateTile?(index: number): TileDecoration | undefined;
}

/** One screen's tiles, laid out as the wall state says: spans, maximised tile, pins, panels. */
export function GridScreen({ screen, cameras, pins, selectedTile, showStats, strings, clockOffsetMs, onSelectTile, onDropCamera, renderPanel, decorateTile }: GridScreenProps) {
  const { layout, tiles, maximisedTile } = screen;
  const touring = tiles.some((tile) => tile.content.kind === 'tour');
  const now = useTourClock(touring) + clockOffsetMs;
  const screenSize = useDevicePixelSize();
  const budget = useDecodeBudget();
  const pinnedBy = new Map<number, string>();
  for (const pin of pins) {
    if (pin.screenId !== screen.id) continue;
    const index = pin.tileIndex ?? tiles.findIndex((tile) => tile.content.kind === 'camera' && tile.content.cameraId === pin.cameraId);
    if (index >= 0) pinnedBy.set(Math.min(index, tiles.length - 1), pin.by);
  }
  const toPlace: TileToPlace[] = tiles.map((tile, index) => {
    const { content } = tile;
    const panel = content.kind === 'map' || content.kind === 'alerts' || content.kind === 'briefing' ? content.kind : null;
    return { index, cell: layout.cells[index] ?? { row: 0, column: 0, rowSpan: 1, columnSpan: 1 }, cameraId: cameraShownAt(content, now), panel };
  });
  return (
    <main
      className={maximisedTile === null ? 'grid' : 'grid grid--maximised'}
      data-testid="grid"
      data-screen-id={screen.id}
      data-template={layout.template}
      data-budget={budget.name}
      style={{ gridTemplateColumns: `repeat(${layout.columns}, 1fr)`, gridTemplateRows: `repeat(${layout.rows}, 1fr)` }}
    >
      {placeTiles(toPlace).map(({ key, tile, gridRow, gridColumn }) => {
        const maximised = maximisedTile === tile.index;
        const frame = {
          gridRow,
          gridColumn,
          tileNumber: tile.index + 1,
          selected: selectedTile === tile.index,
          pinnedBy: pinnedBy.get(tile.index) ?? null,
          maximised,
          covered: maximisedTile !== null && !maximised,
          onSelect: () => onSelectTile(tile.index),
          onDropCamera: (cameraId: string) => onDropCamera(tile.index, cameraId),
          decoration: decorateTile?.(tile.index),
        };
        if (tile.panel !== null) {
          return <PanelTile key={key} {...frame} kind={tile.panel} strings={strings}>{renderPanel(tile.panel)}</PanelTile>;
        }
        const span = maximised ? { columns: layout.columns, rows: layout.rows } : { columns: tile.cell.columnSpan, rows: tile.cell.rowSpan };
        const tileWidth = (screenSize.width / layout.columns) * span.columns;
        const tileHeight = (screenSize.height / layout.rows) * span.rows;
        return (
          <CameraTile
            key={key}
            {...frame}
            camera={tile.cameraId === null ? null : (cameras.get(tile.cameraId) ?? null)}
            profile={budget.subOnly ? 'sub' : profileForTile(tileWidth, tileHeight)}
            showStats={showStats}
            frugal={tiles.length >= FRUGAL_FROM_TILES}
            strings={strings}
          />
        );
      })}
    </main>
  );
}
