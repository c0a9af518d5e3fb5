import { useEffect, useState, type RefObject } from 'react';
import type { LivePlayer } from '../player/live-player.js';
import type { TileStats } from '../player/tile-stats.js';

/** The per-tile stats overlay: fps, bitrate, latency, dropped frames, resolution, protocol, state. */
export function TileStatsOverlay({ player }: { player: RefObject<LivePlayer | null> }) {
  const [stats, setStats] = useState<TileStats | null>(null);
  useEffect(() => {
    const read = () => setStats(player.current?.stats() ?? null);
    read();
    const timer = window.setInterval(read, 1000);
    return () => window.clearInterval(timer);
  }, [player]);
  if (!stats) return null;
  const rows: [string, string][] = [
    ['fps', stats.framesPerSecond.toFixed(1)],
    ['kbit/s', String(stats.bitrateKbps)],
    ['latency', `${stats.bufferLatencyMs} ms`],
    ['dropped', `${stats.droppedFrames} / ${stats.totalFrames}`],
    ['size', stats.width > 0 ? `${stats.width}x${stats.height}` : '-'],
    ['protocol', stats.protocol ?? '?'],
    ['state', stats.status],
    ['budget', stats.budget],
  ];
  return (
    <dl className="tile__stats" data-testid="tile-stats">
      {rows.map(([name, value]) => (
        <div key={name} className="tile__stats-row">
          <dt>{name}</dt>
          <dd data-stat={name}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
