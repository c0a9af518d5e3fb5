/**
 * The CCTV-keyboard grammar typed on a numeric keypad:
 * `[monitor] MONITOR [tile] TILE [camera] ENTER`, each part optional (defaulting to the selected
 * screen and tile). The same digits end with PRESET to recall a preset, SWAP to swap the selected
 * tile with the typed one, or PTZ-PRESET to send the camera to a PTZ preset. Pure.
 */
export interface EntryState {
  monitor: number | null;
  tile: number | null;
  digits: string;
}

export const EMPTY_ENTRY: EntryState = { monitor: null, tile: null, digits: '' };

/** The most digits one part takes: camera numbers go up to 99999. */
const MAX_DIGITS = 5;

export type EntryCommand =
  | { kind: 'put-camera'; monitor: number | null; tile: number | null; camera: number }
  | { kind: 'select'; monitor: number | null; tile: number | null }
  | { kind: 'apply-preset'; monitor: number | null; number: number }
  | { kind: 'save-preset'; monitor: number | null; number: number }
  | { kind: 'swap'; monitor: number | null; tile: number | null; otherTile: number }
  | { kind: 'ptz-preset'; number: number; save: boolean };

export type EntryKey =
  | { key: 'digit'; digit: number }
  | { key: 'monitor' | 'tile' | 'enter' | 'backspace' | 'cancel' | 'preset' | 'save-preset' | 'swap' | 'ptz-preset' | 'ptz-save-preset' };

export interface EntryStep {
  state: EntryState;
  command?: EntryCommand;
  /** A key that made no sense here (ENTER with nothing typed...), for a short on-screen hint. */
  rejected?: string;
}

const numberOf = (digits: string): number | null => (digits.length === 0 ? null : Number(digits));

/** The entry after one key, and the command it completes, if any. */
export function stepEntry(state: EntryState, input: EntryKey): EntryStep {
  switch (input.key) {
    case 'digit':
      if (state.digits.length >= MAX_DIGITS) return { state, rejected: 'too many digits' };
      if (state.digits === '' && input.digit === 0) return { state, rejected: 'numbers start from 1' };
      return { state: { ...state, digits: state.digits + String(input.digit) } };
    case 'monitor': {
      const monitor = numberOf(state.digits);
      if (monitor === null) return { state, rejected: 'type the monitor number first' };
      return { state: { monitor, tile: null, digits: '' } };
    }
    case 'tile': {
      const tile = numberOf(state.digits);
      if (tile === null) return { state, rejected: 'type the tile number first' };
      return { state: { ...state, tile, digits: '' } };
    }
    case 'enter': {
      const camera = numberOf(state.digits);
      if (camera !== null) return { state: EMPTY_ENTRY, command: { kind: 'put-camera', monitor: state.monitor, tile: state.tile, camera } };
      if (state.monitor === null && state.tile === null) return { state, rejected: 'nothing typed' };
      return { state: EMPTY_ENTRY, command: { kind: 'select', monitor: state.monitor, tile: state.tile } };
    }
    case 'backspace':
      if (state.digits.length > 0) return { state: { ...state, digits: state.digits.slice(0, -1) } };
      if (state.tile !== null) return { state: { ...state, tile: null, digits: String(state.tile) } };
      if (state.monitor !== null) return { state: { ...state, monitor: null, digits: String(state.monitor) } };
      return { state };
    case 'cancel':
      return { state: EMPTY_ENTRY };
    case 'preset':
    case 'save-preset': {
      const number = numberOf(state.digits);
      if (number === null || number > 99) return { state, rejected: 'type a preset number (1-99) first' };
      return { state: EMPTY_ENTRY, command: { kind: input.key === 'preset' ? 'apply-preset' : 'save-preset', monitor: state.monitor, number } };
    }
    case 'swap': {
      const otherTile = numberOf(state.digits);
      if (otherTile === null) return { state, rejected: 'type the tile to swap with first' };
      return { state: EMPTY_ENTRY, command: { kind: 'swap', monitor: state.monitor, tile: state.tile, otherTile } };
    }
    case 'ptz-preset':
    case 'ptz-save-preset': {
      const number = numberOf(state.digits);
      if (number === null || number > 9) return { state, rejected: 'type a PTZ preset (1-9) first' };
      return { state: EMPTY_ENTRY, command: { kind: 'ptz-preset', number, save: input.key === 'ptz-save-preset' } };
    }
  }
}

/** True when nothing has been typed. */
export function isEmptyEntry(state: EntryState): boolean {
  return state.monitor === null && state.tile === null && state.digits === '';
}
