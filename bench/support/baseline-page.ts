import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/**
 * The baseline an integrator would write: a CSS grid of video elements, one plain mpegts.js
 * player per tile with the library's default configuration. The media source says `hasAudio:
 * false`: without it mpegts.js waits for an audio track node-media-server's FLV header announces
 * but the cameras never send, and no tile plays at all.
 */
export async function openBaselineGrid(page: Page, urls: readonly string[], columns: number): Promise<void> {
  await page.setContent(`<!doctype html><html><body style="margin:0;background:#000">
    <div id="grid" style="display:grid;grid-template-columns:repeat(${columns},1fr);height:100vh;gap:4px"></div></body></html>`);
  await page.addScriptTag({ path: require.resolve('mpegts.js/dist/mpegts.js') });
  await page.evaluate(`(() => {
    const grid = document.getElementById('grid');
    for (const url of ${JSON.stringify(urls)}) {
      const video = document.createElement('video');
      video.muted = true;
      video.style.width = '100%';
      video.style.height = '100%';
      video.style.minHeight = '0';
      grid.appendChild(video);
      const player = mpegts.createPlayer({ type: 'flv', isLive: true, hasAudio: false, url });
      player.attachMediaElement(video);
      player.load();
      player.play();
    }
  })()`);
}

/** Waits until every video element of the page is playing. */
export async function waitForAllPlaying(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    `[...document.querySelectorAll('video')].filter((v) => v.readyState >= 2 && v.currentTime > 0).length >= ${count}`,
    undefined,
    { timeout: 60_000 },
  );
}
