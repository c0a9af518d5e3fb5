import { useEffect, useState } from 'react';
import type { Snapshot } from '../../protocol/index.js';
import type { Strings } from '../i18n/strings.js';
import { CameraTile } from './CameraTile.js';
import { profileForTile } from './stream-profile.js';
import { placeTiles } from './tile-order.js';
import { useDecodeBudget } from '../player/use-live-player.js';

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

/** From this many tiles on, players batch their input (see player-config.ts). */
const FRUGAL_FROM_TILES = 25;

/** The key that shows or hides every tile's stats overlay (the keymap arrives with issue 4). */
export const STATS_KEY = 'i';

function useStatsToggle(): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === STATS_KEY && !event.ctrlKey && !event.altKey && !event.metaKey) setShown((value) => !value);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return shown;
}

/** The camera grid of one screen, laid out as the server's snapshot says. */
export function GridScreen({ snapshot, strings }: { snapshot: Snapshot; strings: Strings }) {
  const showStats = useStatsToggle();
  const { columns, rows, tiles } = snapshot.layout;
  const cameras = new Map(snapshot.cameras.map((camera) => [camera.id, camera]));
  const screenSize = useDevicePixelSize();
  const budget = useDecodeBudget();
  const profile = budget.subOnly ? 'sub' : profileForTile(screenSize.width / columns, screenSize.height / rows);
  return (
    <main
      className="grid"
      data-testid="grid"
      data-budget={budget.name}
      style={{ gridTemplateColumns: `repeat(${columns}, 1fr)`, gridTemplateRows: `repeat(${rows}, 1fr)` }}
    >
      {placeTiles(tiles, columns).map(({ key, tile, row, column }) => (
        <CameraTile
          key={key}
          gridRow={row}
          gridColumn={column}
          tileNumber={tile.index + 1}
          camera={tile.cameraId === null ? null : (cameras.get(tile.cameraId) ?? null)}
          profile={profile}
          showStats={showStats}
          frugal={tiles.length >= FRUGAL_FROM_TILES}
          strings={strings}
        />
      ))}
    </main>
  );
}
