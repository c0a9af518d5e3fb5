import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { armScript } from './first-frame-probe.js';

const require = createRequire(import.meta.url);

/**
 * The baseline for layout switches: the grid of baseline-page.ts (plain mpegts.js, default
 * config, `hasAudio: false`), whose tiles an integrator switches to other cameras the usual
 * way: destroy each player, put a fresh video element in its cell, create a player for the new
 * URL. A fresh element, so a tile's readyState cannot carry over from the camera before.
 */
export async function openBaselineSwitchGrid(page: Page, urls: readonly string[], columns: number): Promise<void> {
  await page.setContent(`<!doctype html><html><body style="margin:0;background:#000">
    <div id="grid" style="display:grid;grid-template-columns:repeat(${columns},1fr);grid-auto-rows:1fr;height:100vh;gap:4px"></div></body></html>`);
  await page.addScriptTag({ path: require.resolve('mpegts.js/dist/mpegts.js') });
  await page.evaluate(`(() => {
    const grid = document.getElementById('grid');
    const players = [];
    const cells = ${JSON.stringify(urls)}.map(() => {
      const cell = document.createElement('div');
      cell.style.minHeight = '0';
      grid.appendChild(cell);
      return cell;
    });
    const play = (index, url) => {
      const video = document.createElement('video');
      video.muted = true;
      video.dataset.tile = String(index);
      video.style.width = '100%';
      video.style.height = '100%';
      cells[index].replaceChildren(video);
      const player = mpegts.createPlayer({ type: 'flv', isLive: true, hasAudio: false, url });
      player.attachMediaElement(video);
      player.load();
      player.play();
      players[index] = player;
    };
    window.__baselineSwitch = (next) => {
      next.forEach((url, index) => {
        const old = players[index];
        if (old) {
          // mpegts.js throws when torn down mid-operation (upstream #218, #197); an integrator guards it.
          try { old.pause(); old.unload(); old.detachMediaElement(); old.destroy(); } catch (error) { console.warn(error); }
        }
        play(index, url);
      });
    };
    window.__baselineSwitch(${JSON.stringify(urls)});
  })()`);
}

/** The selector of the video baseline tile `index` shows. */
export function baselineTileVideo(index: number): string {
  return `video[data-tile="${index}"]`;
}

/**
 * Arms the first-frame probe for every tile and switches them to `urls` in one step inside the
 * page; returns the page's Date.now() at the switch.
 */
export async function switchBaselineGrid(page: Page, urls: readonly string[]): Promise<number> {
  const watches = Object.fromEntries(urls.map((_, index) => [String(index), baselineTileVideo(index)]));
  return (await page.evaluate(`(() => {
    ${armScript(watches)};
    const at = Date.now();
    window.__baselineSwitch(${JSON.stringify(urls)});
    return at;
  })()`)) as number;
}
