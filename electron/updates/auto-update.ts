import type { UpdateOptions } from '../../protocol/index.js';

/** The part of electron-updater's autoUpdater used here. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
}

/** Whether to look for updates, and where: only when enabled with an on-premise URL (off by default). */
export function updateFeed(options: UpdateOptions): { url: string } | null {
  return options.enabled && options.url !== null ? { url: options.url } : null;
}

/**
 * Checks the on-premise update server (electron-updater's generic provider) every `everyMs`;
 * a downloaded update installs when the app next quits or relaunches, never in the middle of a
 * shift. MSI installs are not updated this way (docs/electron.md).
 */
export function startAutoUpdate(updater: AutoUpdaterLike, feed: { url: string }, log: (message: string) => void, everyMs = 6 * 60 * 60_000): () => void {
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.setFeedURL({ provider: 'generic', url: feed.url });
  updater.on('error', (error) => log(`update check failed: ${error.message}`));
  updater.on('update-downloaded', (info) => log(`update ${info.version} downloaded; installs at the next restart`));
  const check = (): void => {
    updater.checkForUpdates().catch((error: unknown) => log(`update check failed: ${(error as Error).message}`));
  };
  check();
  const timer = setInterval(check, everyMs);
  return () => clearInterval(timer);
}
