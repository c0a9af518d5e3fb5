import type { Page } from 'playwright-core';

/**
 * Starts recording, inside the page, every status each tile passes through (by camera id), so
 * a test can prove a state was never shown, not just that it is absent at one moment.
 */
export async function recordTileStates(page: Page): Promise<void> {
  // A string, not a function: tsx's esbuild would wrap named inner functions in a __name()
  // helper that does not exist in the page.
  await page.evaluate(`(() => {
    const log = {};
    const note = (tile) => {
      const camera = tile.getAttribute('data-camera-id');
      const state = tile.getAttribute('data-state');
      if (!camera || !state) return;
      const history = (log[camera] ??= []);
      if (history[history.length - 1] !== state) history.push(state);
    };
    document.querySelectorAll('[data-testid="tile"]').forEach(note);
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.target instanceof Element && mutation.target.matches('[data-testid="tile"]')) note(mutation.target);
        mutation.addedNodes.forEach((node) => {
          if (node instanceof Element) node.querySelectorAll('[data-testid="tile"]').forEach(note);
        });
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    window.tileStateLog = log;
  })()`);
}

/** Every status each tile has shown since recording began, by camera id. */
export function tileStateHistory(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => (window as unknown as { tileStateLog: Record<string, string[]> }).tileStateLog);
}

/** Waits until the tile showing `cameraId` is in `state`. */
export async function waitForTileState(page: Page, cameraId: string, state: string, timeout = 60_000): Promise<void> {
  await page.waitForSelector(`[data-testid="tile"][data-camera-id="${cameraId}"][data-state="${state}"]`, { timeout });
}

/** The tile's visible status and error lines. */
export async function tileText(page: Page, cameraId: string): Promise<string> {
  return page.locator(`[data-testid="tile"][data-camera-id="${cameraId}"]`).innerText();
}
