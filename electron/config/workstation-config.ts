import { existsSync, readFileSync } from 'node:fs';
import type { WorkstationConfig, WorkstationConfigLayer } from '../../protocol/index.js';
import { mergeConfigLayers, type ConfigLayer, type MergedConfig } from './config-layers.js';
import { commandLineLayer, environmentLayer, flagValue } from './command-line.js';
import { jsonFileLayer, provisioningFilePath, type ReadOptionalText } from './provisioning-file.js';

export { ConfigError } from './config-layers.js';
export { flagValue } from './command-line.js';

/** The configuration used when nothing else is given: the demo wall on this machine, two screens. */
export const DEMO_WORKSTATION_CONFIG: WorkstationConfig = {
  serverUrl: 'http://127.0.0.1:8080',
  wallId: 'demo',
  language: 'id',
  timeZone: 'Asia/Jakarta',
  token: null,
  screens: [{ screenId: '1' }, { screenId: '2' }],
  keymapFile: null,
  connectOrigins: [],
  kiosk: { alwaysOnTop: false, hideCursorAfterSeconds: 5, preventDisplaySleep: true, startAtLogin: false },
  hotkeys: { global: false, selectScreen: ['Ctrl+Alt+Digit1', 'Ctrl+Alt+Digit2', 'Ctrl+Alt+Digit3', 'Ctrl+Alt+Digit4'] },
  updates: { enabled: false, url: null },
  hardwareDecode: 'auto',
};

/** Reads a UTF-8 file, or null when it does not exist. */
export const readOptionalText: ReadOptionalText = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : null);

export interface ConfigInputs {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  read: ReadOptionalText;
  /** The default configuration shipped in the package (extraResources/default-config.json). */
  packagedDefaultsFile?: string | null;
  /** What the setup screen saved in the local settings store. */
  local?: WorkstationConfigLayer | null;
  /** The device token from the safeStorage vault, used when no layer provisions one. */
  storedToken?: string | null;
}

export interface ResolvedConfig extends MergedConfig {
  /** The provisioning file consulted (whether or not it exists), for logs and the docs. */
  provisioningFile: string;
}

/**
 * The workstation configuration, every layer merged. Precedence, highest first: command line,
 * environment, the machine provisioning file (--config FILE or PANTAU_CONFIG replaces its path),
 * the local settings store, the packaged default file, the built-in demo.
 */
export function resolveConfig(inputs: ConfigInputs): ResolvedConfig {
  const provisioningFile = flagValue(inputs.argv, 'config') ?? inputs.env.PANTAU_CONFIG ?? provisioningFilePath(inputs.platform, inputs.env);
  const explicitFile = provisioningFile !== provisioningFilePath(inputs.platform, inputs.env);
  const provisioning = jsonFileLayer('provisioning', provisioningFile, inputs.read);
  if (provisioning === null && explicitFile) throw new Error(`${provisioningFile}: no such file`);
  const packaged = inputs.packagedDefaultsFile ? jsonFileLayer('packaged', inputs.packagedDefaultsFile, inputs.read) : null;
  const local: WorkstationConfigLayer = { ...(inputs.local ?? {}), ...(inputs.storedToken ? { token: inputs.storedToken } : {}) };
  const layers: ConfigLayer[] = [
    { source: 'built-in', origin: 'built-in defaults', values: DEMO_WORKSTATION_CONFIG },
    ...(packaged ? [packaged] : []),
    { source: 'local', origin: 'local settings', values: local },
    ...(provisioning ? [provisioning] : []),
    environmentLayer(inputs.env),
    commandLineLayer(inputs.argv),
  ];
  return { ...mergeConfigLayers(layers), provisioningFile };
}

/** The configuration from command line and environment alone (tests, the demo); see resolveConfig. */
export function resolveWorkstationConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, read: ReadOptionalText = readOptionalText, platform: NodeJS.Platform = 'linux'): WorkstationConfig {
  return resolveConfig({ argv, env, platform, read }).config;
}
