import type { ConfigLayer, ConfigSource } from './config-layers.js';
import { ConfigError } from './config-layers.js';

/**
 * The machine-wide provisioning file IT deploys: /etc/pantau/config.json on Linux,
 * %ProgramData%\Pantau\config.json on Windows. Only administrators can write either place.
 */
export function provisioningFilePath(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === 'win32') return `${env.ProgramData ?? 'C:\\ProgramData'}\\Pantau\\config.json`;
  return '/etc/pantau/config.json';
}

/** Reads a file's text, or null when it does not exist. Injected so tests need no disk. */
export type ReadOptionalText = (file: string) => string | null;

/**
 * A configuration layer read from a JSON file, or null when the file does not exist. A file that
 * exists but is not JSON is an error (a half-written provisioning file must not be ignored silently).
 */
export function jsonFileLayer(source: ConfigSource, file: string, read: ReadOptionalText): ConfigLayer | null {
  const text = read(file);
  if (text === null) return null;
  try {
    return { source, origin: file, values: JSON.parse(text) as unknown };
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read as JSON: ${(error as Error).message}`, { cause: error });
  }
}
