import type { Page } from 'playwright-core';

export interface TileSample {
  cameraId: string | null;
  name: string | null;
  state: string | null;
  currentTime: number;
  videoWidth: number;
  /** A coarse fingerprint of the picture: 8x8 grey levels. */
  pixels: number[];
}

/** Reads every tile of the page in tile-number order: its camera, label, state, play position and a picture fingerprint. */
export function sampleTiles(page: Page): Promise<TileSample[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="tile"]')]
      .sort((a, b) => Number(a.dataset.tile) - Number(b.dataset.tile))
      .map((tile) => {
      const video = tile.querySelector<HTMLVideoElement>('video[data-active="true"]');
      const pixels: number[] = [];
      if (video && video.videoWidth > 0) {
        const canvas = document.createElement('canvas');
        canvas.width = 8;
        canvas.height = 8;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (context) {
          context.drawImage(video, 0, 0, 8, 8);
          const data = context.getImageData(0, 0, 8, 8).data;
          for (let i = 0; i < data.length; i += 4) pixels.push(Math.round(((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3));
        }
      }
      return {
        cameraId: tile.dataset.cameraId ?? null,
        name: tile.querySelector('[data-testid="tile-name"]')?.textContent ?? null,
        state: tile.dataset.state ?? null,
        currentTime: video?.currentTime ?? 0,
        videoWidth: video?.videoWidth ?? 0,
        pixels,
      };
    }),
  );
}

/** How many of the fingerprint's cells differ between two samples by more than a little noise. */
export function changedCells(before: readonly number[], after: readonly number[]): number {
  return before.filter((value, index) => Math.abs(value - (after[index] ?? value)) > 6).length;
}
