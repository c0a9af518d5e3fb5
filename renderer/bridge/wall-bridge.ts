import { ScreenTargetSchema, describeIssues, type FieldIssue, type ScreenTarget } from '../../protocol/index.js';

/** What a window needs from its host (Electron or a plain browser): which screen it is. */
export type ScreenTargetResult = { ok: true; target: ScreenTarget } | { ok: false; issues: FieldIssue[] };

/** The preload script's surface, as seen from the page (untrusted until parsed). */
interface ElectronPantauGlobal {
  screenTarget?: unknown;
}

/** Validates a screen target from any source. */
export function parseScreenTarget(candidate: unknown): ScreenTargetResult {
  const parsed = ScreenTargetSchema.safeParse(candidate);
  return parsed.success ? { ok: true, target: parsed.data } : { ok: false, issues: describeIssues(parsed.error) };
}

/** The screen target from a web-wall URL: ?wall=demo&screen=1[&server=http://...][&lang=en][&token=...][&tz=Asia/Makassar]. */
export function screenTargetFromUrl(href: string): ScreenTargetResult {
  const url = new URL(href);
  const params = url.searchParams;
  return parseScreenTarget({
    serverUrl: params.get('server') ?? url.origin,
    wallId: params.get('wall') ?? '',
    screenId: params.get('screen') ?? '',
    language: params.get('lang') ?? 'id',
    token: params.get('token'),
    ...(params.get('tz') === null ? {} : { timeZone: params.get('tz') }),
  });
}

/** The screen target of this window: from the Electron preload when present, else from the URL. */
export function currentScreenTarget(): ScreenTargetResult {
  const electron = (window as unknown as { pantau?: ElectronPantauGlobal }).pantau;
  if (electron !== undefined) return parseScreenTarget(electron.screenTarget);
  return screenTargetFromUrl(window.location.href);
}
