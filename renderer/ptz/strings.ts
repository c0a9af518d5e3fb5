import type { Language } from '../../protocol/screen-target.js';

const id = {
  active: 'PTZ AKTIF',
  heldBy: 'Dikendalikan',
  you: 'Anda',
  free: 'Bebas',
  still: 'Diam',
  moving: 'Bergerak',
  zoomIn: 'zoom +',
  zoomOut: 'zoom −',
  refused: 'Ditolak',
  locked: 'Kamera sedang dikendalikan orang lain',
};

type PtzStrings = typeof id;

const en: PtzStrings = {
  active: 'PTZ ACTIVE',
  heldBy: 'Controlled by',
  you: 'you',
  free: 'Free',
  still: 'Still',
  moving: 'Moving',
  zoomIn: 'zoom +',
  zoomOut: 'zoom −',
  refused: 'Refused',
  locked: 'Someone else is controlling this camera',
};

/** PTZ badge text in the configured language; Indonesian is the default. */
export function ptzStringsFor(language: Language): PtzStrings {
  return language === 'en' ? en : id;
}
export type { PtzStrings };
