import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where a system Chromium lives: CHROMIUM_PATH, else Debian's package; undefined if neither. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
}

/**
 * Launches headless Chromium as the project's machines allow it: no sandbox (root), no
 * background traffic (closed network), autoplay without a gesture (a wall has no user).
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  // Without a system Chromium, fall back to Playwright's own browser where one is installed.
  const executablePath = chromiumPath();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--autoplay-policy=no-user-gesture-required',
      ...extraArgs,
    ],
  });
}
