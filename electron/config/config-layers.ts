import {
  WorkstationConfigLayerSchema,
  WorkstationConfigSchema,
  describeIssues,
  formatIssues,
  type WorkstationConfig,
  type WorkstationConfigLayer,
} from '../../protocol/index.js';

/**
 * Where a configuration value came from, lowest precedence first. `provisioning` is the
 * machine-wide file only administrators can write; it and everything above it is locked for
 * the setup screen.
 */
export const CONFIG_SOURCES = ['built-in', 'packaged', 'local', 'provisioning', 'environment', 'command-line'] as const;
export type ConfigSource = (typeof CONFIG_SOURCES)[number];

export interface ConfigLayer {
  source: ConfigSource;
  /** The file or variable the values came from, for error messages. */
  origin: string;
  values: unknown;
}

export interface MergedConfig {
  config: WorkstationConfig;
  /** For every key set by some layer ("serverUrl", "kiosk.alwaysOnTop"): the layer that won. */
  sources: Record<string, ConfigSource>;
  /** Keys the setup screen must not change: set by provisioning, environment or command line. */
  locked: string[];
}

const NESTED_KEYS = new Set(['kiosk', 'hotkeys', 'updates']);
const LOCKING_SOURCES = new Set<ConfigSource>(['provisioning', 'environment', 'command-line']);

/** Thrown when a layer or the merged result is invalid; names the layer and each bad field. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates one layer's values; a bad layer is refused whole, naming its origin and every bad field. */
export function parseLayer(layer: ConfigLayer): WorkstationConfigLayer {
  const parsed = WorkstationConfigLayerSchema.safeParse(layer.values);
  if (!parsed.success) throw new ConfigError(`${layer.origin}: ${formatIssues(describeIssues(parsed.error))}`);
  return parsed.data;
}

/**
 * Merges configuration layers by precedence (CONFIG_SOURCES order, later wins): a key a higher
 * layer sets replaces the lower one's; `kiosk`, `hotkeys` and `updates` merge field by field.
 * Pure: layers in, configuration and provenance out.
 */
export function mergeConfigLayers(layers: readonly ConfigLayer[]): MergedConfig {
  const ordered = [...layers].sort((a, b) => CONFIG_SOURCES.indexOf(a.source) - CONFIG_SOURCES.indexOf(b.source));
  const merged: Record<string, unknown> = {};
  const sources: Record<string, ConfigSource> = {};
  for (const layer of ordered) {
    const values = parseLayer(layer) as Record<string, unknown>;
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (NESTED_KEYS.has(key) && typeof value === 'object' && value !== null) {
        const base = (merged[key] as Record<string, unknown> | undefined) ?? {};
        const nested = Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined));
        merged[key] = { ...base, ...nested };
        for (const inner of Object.keys(nested)) sources[`${key}.${inner}`] = layer.source;
      } else {
        merged[key] = value;
        sources[key] = layer.source;
      }
    }
  }
  const parsed = WorkstationConfigSchema.safeParse(merged);
  if (!parsed.success) throw new ConfigError(`configuration: ${formatIssues(describeIssues(parsed.error))}`);
  const locked = Object.entries(sources)
    .filter(([, source]) => LOCKING_SOURCES.has(source))
    .map(([key]) => key)
    .sort();
  return { config: parsed.data, sources, locked };
}
