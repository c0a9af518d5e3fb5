import { EnrolmentCodeSchema, WallIdSchema, type Language } from '../../protocol/index.js';
import { normaliseServerUrl, type SetupKey, type SetupSaveRequest } from '../../protocol/workstation-config-setup.js';
import type { SetupStrings } from './strings.js';

/** What IT has filled in. `assignments`: screen id -> display number, or null for not shown. */
export interface SetupFormValues {
  serverUrl: string;
  wallId: string;
  language: Language;
  /** The wall's screens in monitor order, once listed; null before. */
  wallScreens: readonly string[] | null;
  assignments: Readonly<Record<string, number | null>>;
}

export type SetupFormField = 'serverUrl' | 'wallId' | 'screens';
export interface SetupFormError {
  field: SetupFormField;
  message: string;
}

/** The server address to test, or the sentence saying why it is not one. */
export function serverUrlOrError(typed: string, strings: SetupStrings): { ok: true; url: string } | { ok: false; message: string } {
  if (typed.trim().length === 0) return { ok: false, message: strings.errors.serverMissing };
  const url = normaliseServerUrl(typed);
  return url === null ? { ok: false, message: strings.errors.serverInvalid } : { ok: true, url };
}

/** Whether the wall id can be sent to the server. */
export function wallIdValid(wallId: string): boolean {
  return WallIdSchema.safeParse(wallId.trim()).success;
}

/** Whether a one-time code has the code's shape (8 characters of its alphabet, dash optional). */
export function enrolmentCodeValid(code: string): boolean {
  return EnrolmentCodeSchema.safeParse(code).success;
}

/**
 * The first display free for each screen in order: screen N on display N when there is one, so
 * the usual "screen 1 on the leftmost display" needs no clicks.
 */
export function defaultAssignments(screens: readonly string[], displayCount: number, previous: Readonly<Record<string, number | null>> = {}): Record<string, number | null> {
  const taken = new Set<number>();
  const result: Record<string, number | null> = {};
  for (const id of screens) {
    const kept = previous[id];
    if (kept !== undefined && kept !== null && kept <= displayCount && !taken.has(kept)) {
      result[id] = kept;
      taken.add(kept);
    }
  }
  let next = 1;
  for (const id of screens) {
    if (id in result) continue;
    while (next <= displayCount && taken.has(next)) next++;
    result[id] = next <= displayCount ? next : null;
    if (next <= displayCount) taken.add(next);
  }
  return result;
}

/**
 * Checks the form and builds the save request; locked keys are left out (the provisioning file
 * or the command line keeps them). Every problem comes back in words, with the field it belongs to.
 */
export function validateSetupForm(values: SetupFormValues, locked: readonly SetupKey[], strings: SetupStrings): { ok: true; request: SetupSaveRequest } | { ok: false; errors: SetupFormError[] } {
  const errors: SetupFormError[] = [];
  const request: SetupSaveRequest = {};
  if (!locked.includes('serverUrl')) {
    const server = serverUrlOrError(values.serverUrl, strings);
    if (server.ok) request.serverUrl = server.url;
    else errors.push({ field: 'serverUrl', message: server.message });
  }
  if (!locked.includes('wallId')) {
    if (wallIdValid(values.wallId)) request.wallId = values.wallId.trim();
    else errors.push({ field: 'wallId', message: strings.errors.wallInvalid });
  }
  if (!locked.includes('language')) request.language = values.language;
  if (!locked.includes('screens')) {
    if (values.wallScreens === null) {
      errors.push({ field: 'screens', message: strings.errors.screensNotListed });
    } else {
      const chosen = values.wallScreens.flatMap((screenId) => {
        const position = values.assignments[screenId];
        return position === undefined || position === null ? [] : [{ screenId, display: { position } }];
      });
      const owner = new Map<number, string>();
      for (const choice of chosen) {
        const first = owner.get(choice.display.position);
        if (first !== undefined) errors.push({ field: 'screens', message: strings.errors.displayTwice(choice.display.position, first, choice.screenId) });
        else owner.set(choice.display.position, choice.screenId);
      }
      if (chosen.length === 0) errors.push({ field: 'screens', message: strings.errors.noScreen });
      request.screens = chosen;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, request };
}
