import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';

/**
 * The flags that give headless Chromium WebGL2 without a GPU (SwiftShader through ANGLE), as
 * the map needs; without them the map says it cannot start.
 */
export const WEBGL_SOFTWARE_FLAGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] as const;

/** Flags that take WebGL away, to see how a page copes on a PC without it. */
export const NO_WEBGL_FLAGS = ['--disable-3d-apis', '--disable-webgl'] as const;

/** Launches headless Chromium as launchChromium does, plus software WebGL. */
export function launchChromiumWithWebGL(): Promise<Browser> {
  return launchChromiumWithFlags(WEBGL_SOFTWARE_FLAGS);
}

/** Launches headless Chromium as launchChromium does, plus the given flags. */
export function launchChromiumWithFlags(flags: readonly string[]): Promise<Browser> {
  return launchChromium(flags);
}
