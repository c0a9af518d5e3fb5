import type { Page } from 'playwright-core';

/**
 * Records, in the page, the first moment each watched video shows a frame: a
 * requestAnimationFrame loop (once per painted frame, so the time is what a viewer would see to
 * within one refresh) notes Date.now() the first time the video found by a watch's selector has
 * readyState >= 2 (a frame decoded) and currentTime > 0 (playback started). Date.now() in the page
 * and in Node read the same clock, so Node can compare the page's times with when it sent a change.
 * Installed as a string: the page is the wall's own bundle or a bare baseline page, neither of
 * which knows about the bench.
 */
const PROBE_SCRIPT = `(() => {
  if (window.__firstFrameProbe) return;
  const probe = { watches: {}, first: {} };
  probe.arm = (watches) => { probe.watches = watches; probe.first = {}; };
  probe.done = () => Object.keys(probe.watches).every((key) => probe.first[key] !== undefined);
  const tick = () => {
    const now = Date.now();
    for (const [key, selector] of Object.entries(probe.watches)) {
      if (probe.first[key] !== undefined) continue;
      const video = document.querySelector(selector);
      if (video && video.readyState >= 2 && video.currentTime > 0) probe.first[key] = now;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__firstFrameProbe = probe;
})()`;

/** Installs the probe (again after every navigation). */
export async function installFirstFrameProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE_SCRIPT);
}

/** The script that starts a new watch: key → CSS selector of the video to watch. Run it in the same evaluate as a switch the page makes itself. */
export function armScript(watches: Readonly<Record<string, string>>): string {
  return `window.__firstFrameProbe.arm(${JSON.stringify(watches)})`;
}

/** Forgets earlier first frames and watches these videos from now on. */
export async function armFirstFrameProbe(page: Page, watches: Readonly<Record<string, string>>): Promise<void> {
  await page.evaluate(armScript(watches));
}

/**
 * Waits until every watched video has shown a frame, or `timeoutMs`; returns each key's first
 * frame time (Date.now() in the page), null for a video that showed none in time.
 */
export async function waitForFirstFrames(page: Page, timeoutMs: number): Promise<Record<string, number | null>> {
  try {
    await page.waitForFunction('window.__firstFrameProbe.done()', undefined, { timeout: timeoutMs, polling: 50 });
  } catch {
    // A tile that never shows a frame is a result, not a crash: it is reported as null.
  }
  return (await page.evaluate(`(() => {
    const probe = window.__firstFrameProbe;
    return Object.fromEntries(Object.keys(probe.watches).map((key) => [key, probe.first[key] ?? null]));
  })()`)) as Record<string, number | null>;
}

/** The selector of the video a Pantau tile shows for `cameraId`. */
export function pantauTileVideo(cameraId: string): string {
  return `[data-testid="tile"][data-camera-id="${cameraId}"] video[data-active="true"]`;
}
