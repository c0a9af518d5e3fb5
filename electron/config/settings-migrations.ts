import {
  SETTINGS_SCHEMA_VERSION,
  WorkstationSettingsSchema,
  describeIssues,
  formatIssues,
  type WorkstationSettings,
} from '../../protocol/index.js';

/** One step from version N to N+1; may hand back a clear token found in an old file, to be encrypted. */
type Migration = (old: Record<string, unknown>) => { next: Record<string, unknown>; plainToken?: string | null };

/**
 * Migrations by the version they start from. Version 0 is the walking skeleton's file: the
 * workstation configuration itself, token in clear. Version 1 nests the configuration under
 * `config` and keeps the token only encrypted.
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (old) => {
    const config = Object.fromEntries(Object.entries(old).filter(([key]) => key !== 'token' && key !== 'schemaVersion'));
    const token = old.token;
    return { next: { schemaVersion: 1, config }, plainToken: typeof token === 'string' && token.length > 0 ? token : null };
  },
};

export type MigrationResult =
  | { ok: true; settings: WorkstationSettings; migratedFrom: number | null; plainToken: string | null }
  | { ok: false; reason: string };

/**
 * Brings a settings file of any earlier version up to the current one, then validates it.
 * A file from a newer Pantau (after a downgrade) or one that fails validation is refused, and the
 * caller keeps it aside rather than overwriting what a newer version wrote.
 */
export function migrateSettings(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'the settings file is not a JSON object' };
  let current = raw as Record<string, unknown>;
  // electron-store hands an empty object for a file that does not exist yet: nothing to migrate.
  if (Object.keys(current).length === 0) return { ok: true, settings: freshSettings(), migratedFrom: null, plainToken: null };
  const declared = current.schemaVersion;
  let version = declared === undefined ? 0 : declared;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { ok: false, reason: `schemaVersion ${JSON.stringify(declared)} is not a version number` };
  if (version > SETTINGS_SCHEMA_VERSION) return { ok: false, reason: `written by a newer Pantau (settings version ${version}, this one reads up to ${SETTINGS_SCHEMA_VERSION})` };
  const migratedFrom = version < SETTINGS_SCHEMA_VERSION ? version : null;
  let plainToken: string | null = null;
  // Bounded: every step raises the version by one, up to the current version.
  while (version < SETTINGS_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (step === undefined) return { ok: false, reason: `no migration from settings version ${version}` };
    const { next, plainToken: found } = step(current);
    if (found) plainToken = found;
    current = next;
    version += 1;
  }
  const parsed = WorkstationSettingsSchema.safeParse(current);
  if (!parsed.success) return { ok: false, reason: formatIssues(describeIssues(parsed.error)) };
  return { ok: true, settings: parsed.data, migratedFrom, plainToken };
}

/** Settings of a machine that has never run Pantau. */
export function freshSettings(): WorkstationSettings {
  return WorkstationSettingsSchema.parse({ schemaVersion: SETTINGS_SCHEMA_VERSION });
}
