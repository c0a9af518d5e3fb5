import { useEffect } from 'react';
import type { Socket } from 'socket.io-client';
import { HEALTH_EVENTS, HEALTH_REPORT_INTERVAL_MS, type ShellStatus } from '../../protocol/health.js';
import type { ScreenTarget } from '../../protocol/index.js';
import { collectScreenHealth, pageMemoryMb, type TileSnapshot } from '../health/collect-screen-health.js';

const startedAt = Date.now();
const APP_VERSION = '0.1.0';

/** Every tile of the page as its element says: camera, state, and the video's frame counts. */
function tilesOnPage(): TileSnapshot[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="tile"]')]
    .sort((a, b) => Number(a.dataset.tile) - Number(b.dataset.tile))
    .map((tile) => {
      const video = tile.querySelector<HTMLVideoElement>('video[data-active="true"]');
      const quality = video?.getVideoPlaybackQuality();
      return {
        cameraId: tile.dataset.cameraId ?? null,
        status: tile.dataset.state ?? null,
        framesPerSecond: 0,
        droppedFrames: quality?.droppedVideoFrames ?? 0,
        totalFrames: quality?.totalVideoFrames ?? 0,
      };
    });
}

/** Sends this screen's health (tile states, frames, memory, the shell's crashes) every few seconds while online. */
export function useHealthReporter(socket: Socket | null, online: boolean, target: ScreenTarget, shell: ShellStatus | null): void {
  useEffect(() => {
    if (!socket || !online) return;
    let previous = new Map<string, number>();
    let previousAt = performance.now();
    const report = () => {
      const now = performance.now();
      const tiles = tilesOnPage().map((tile) => {
        const before = tile.cameraId === null ? undefined : previous.get(tile.cameraId);
        const framesPerSecond = before === undefined || tile.totalFrames < before ? 0 : ((tile.totalFrames - before) * 1000) / (now - previousAt);
        return { ...tile, framesPerSecond };
      });
      previous = new Map(tiles.flatMap((tile) => (tile.cameraId === null ? [] : [[tile.cameraId, tile.totalFrames] as const])));
      previousAt = now;
      socket.emit(HEALTH_EVENTS.report, collectScreenHealth({ target, tiles, shell, appVersion: APP_VERSION, memoryMb: pageMemoryMb(), uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }), () => undefined);
    };
    const timer = window.setInterval(report, HEALTH_REPORT_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [socket, online, target, shell]);
}
