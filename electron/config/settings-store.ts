import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Store from 'electron-store';
import { SETTINGS_SCHEMA_VERSION, type DisplayFingerprint, type WorkstationConfigLayer, type WorkstationSettings } from '../../protocol/index.js';
import { freshSettings, migrateSettings } from './settings-migrations.js';
import type { EncryptedTokenSlot } from './token-vault.js';

type StoreShape = Record<string, unknown>;

/**
 * The local settings file (electron-store, `pantau-settings.json` in userData). electron-store's
 * own migrations are keyed by app version and skip new files, so the file carries its own
 * `schemaVersion` and migrateSettings (pure, tested) brings it up to date; zod validates it on
 * every start. A file that cannot be read is kept aside, never overwritten.
 */
export class SettingsStore {
  private readonly store: Store<StoreShape>;
  private settings: WorkstationSettings;
  /** Set when the file was migrated or refused at start; logged by the caller. */
  readonly startupNote: string | null;
  /** A token found in clear in an old file, for the caller to move into the vault. */
  readonly plainTokenFromOldFile: string | null;

  /** Opens (or creates) the settings file in `directory` (Electron's userData). */
  constructor(directory: string, now: () => number = Date.now) {
    const file = join(directory, 'pantau-settings.json');
    let unreadable: string | null = null;
    try {
      this.store = new Store<StoreShape>({ name: 'pantau-settings', cwd: directory, clearInvalidConfig: false });
    } catch {
      // Not JSON at all (a torn write from an older version): keep it aside and start afresh.
      unreadable = `${file}.refused-${now()}`;
      renameSync(file, unreadable);
      this.store = new Store<StoreShape>({ name: 'pantau-settings', cwd: directory, clearInvalidConfig: false });
    }
    const result = unreadable === null ? migrateSettings(this.store.store) : ({ ok: false, reason: 'not JSON' } as const);
    if (result.ok) {
      this.settings = result.settings;
      this.plainTokenFromOldFile = result.plainToken;
      this.startupNote = result.migratedFrom === null ? null : `settings migrated from version ${result.migratedFrom} to ${SETTINGS_SCHEMA_VERSION}`;
      if (result.migratedFrom !== null || result.plainToken !== null) this.save();
    } else {
      this.settings = freshSettings();
      this.plainTokenFromOldFile = null;
      const aside = unreadable ?? `${file}.refused-${now()}`;
      // The refused file may hold a newer version's data: copy it aside before the first write.
      if (unreadable === null) copyFileSync(file, aside);
      this.startupNote = `settings file refused (${result.reason}); kept as ${aside}, starting from defaults`;
      this.save();
    }
  }

  /** Everything stored, validated. */
  get current(): WorkstationSettings {
    return this.settings;
  }

  /** The configuration layer the setup screen saved. */
  configLayer(): WorkstationConfigLayer {
    return this.settings.config;
  }

  /** Changes the stored settings and writes the file. */
  update(change: (settings: WorkstationSettings) => WorkstationSettings): void {
    this.settings = change(this.settings);
    this.save();
  }

  /** Remembers the display each screen was shown on. */
  rememberDisplays(bindings: Record<string, DisplayFingerprint>): void {
    this.update((settings) => ({ ...settings, displayBindings: bindings }));
  }

  /** The slot the token vault keeps its ciphertext in. */
  tokenSlot(): EncryptedTokenSlot {
    return { read: () => this.settings.encryptedToken, write: (value) => this.update((settings) => ({ ...settings, encryptedToken: value })) };
  }

  private save(): void {
    this.store.store = this.settings as unknown as StoreShape;
  }
}
