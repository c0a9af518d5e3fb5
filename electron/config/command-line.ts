import type { ConfigLayer } from './config-layers.js';

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

/** True for `--name`, false for `--no-name`, undefined when neither is given (the last one wins). */
export function flagSwitch(argv: readonly string[], name: string): boolean | undefined {
  let value: boolean | undefined;
  for (const arg of argv) {
    if (arg === `--${name}`) value = true;
    if (arg === `--no-${name}`) value = false;
  }
  return value;
}

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function nested(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const defined = withoutUndefined(values);
  return Object.keys(defined).length > 0 ? defined : undefined;
}

/** Screen ids from "1,2,map": each a screen without a display preference. */
function screensFromList(list: string | undefined): unknown {
  if (list === undefined) return undefined;
  return list.split(',').map((screenId) => ({ screenId: screenId.trim() }));
}

/**
 * The command-line layer: --server, --wall, --lang, --time-zone, --screens=1,2, --keymap FILE,
 * --[no-]always-on-top, --hide-cursor-after=SECONDS, --[no-]global-hotkeys,
 * --hardware-decode=auto|on|off. Values are validated with the other layers.
 */
export function commandLineLayer(argv: readonly string[]): ConfigLayer {
  const hideCursor = flagValue(argv, 'hide-cursor-after');
  const values = withoutUndefined({
    serverUrl: flagValue(argv, 'server'),
    wallId: flagValue(argv, 'wall'),
    language: flagValue(argv, 'lang'),
    timeZone: flagValue(argv, 'time-zone'),
    screens: screensFromList(flagValue(argv, 'screens')),
    keymapFile: flagValue(argv, 'keymap'),
    hardwareDecode: flagValue(argv, 'hardware-decode'),
    kiosk: nested({
      alwaysOnTop: flagSwitch(argv, 'always-on-top'),
      hideCursorAfterSeconds: hideCursor === undefined ? undefined : Number(hideCursor),
      startAtLogin: flagSwitch(argv, 'start-at-login'),
    }),
    hotkeys: nested({ global: flagSwitch(argv, 'global-hotkeys') }),
  });
  return { source: 'command-line', origin: 'command line', values };
}

/**
 * The environment layer: PANTAU_SERVER_URL, PANTAU_WALL, PANTAU_LANG, PANTAU_TIME_ZONE, PANTAU_SCREENS,
 * PANTAU_KEYMAP and PANTAU_DEVICE_TOKEN (for images that inject a token instead of enrolling).
 */
export function environmentLayer(env: Readonly<Record<string, string | undefined>>): ConfigLayer {
  const values = withoutUndefined({
    serverUrl: env.PANTAU_SERVER_URL,
    wallId: env.PANTAU_WALL,
    language: env.PANTAU_LANG,
    timeZone: env.PANTAU_TIME_ZONE,
    screens: screensFromList(env.PANTAU_SCREENS),
    keymapFile: env.PANTAU_KEYMAP,
    token: env.PANTAU_DEVICE_TOKEN,
  });
  return { source: 'environment', origin: 'environment', values };
}
