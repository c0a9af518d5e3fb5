import { readFileSync } from 'node:fs';
import { WorkstationConfigSchema, describeIssues, formatIssues, type WorkstationConfig } from '../../protocol/index.js';

/** The configuration used when none is given: the demo wall on this machine, two screens. */
export const DEMO_WORKSTATION_CONFIG: WorkstationConfig = {
  serverUrl: 'http://127.0.0.1:8080',
  wallId: 'demo',
  language: 'id',
  token: null,
  screens: [{ screenId: '1' }, { screenId: '2' }],
};

/** The value of `--name=value` or `--name value` in argv, if present. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith(prefix)) return arg.slice(prefix.length);
    if (arg === `--${name}`) return argv[i + 1];
  }
  return undefined;
}

/**
 * The workstation configuration: a file named by --config (or PANTAU_CONFIG), else the demo;
 * then --server overrides the server URL. A bad file is refused with every bad field named.
 */
export function resolveWorkstationConfig(argv: readonly string[], env: NodeJS.ProcessEnv, readText: (file: string) => string = (file) => readFileSync(file, 'utf8')): WorkstationConfig {
  const file = flagValue(argv, 'config') ?? env.PANTAU_CONFIG;
  let candidate: unknown = DEMO_WORKSTATION_CONFIG;
  if (file !== undefined) {
    try {
      candidate = JSON.parse(readText(file));
    } catch (error) {
      throw new Error(`${file}: cannot be read as JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  const server = flagValue(argv, 'server');
  if (server !== undefined && typeof candidate === 'object' && candidate !== null) candidate = { ...candidate, serverUrl: server };
  const parsed = WorkstationConfigSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`${file ?? 'configuration'}: ${formatIssues(describeIssues(parsed.error))}`);
  return parsed.data;
}
