import type { Language } from '../../protocol/index.js';

const id = {
  tileConnecting: 'MENGHUBUNGKAN',
  tileLive: 'LANGSUNG',
  tileReconnecting: 'MENYAMBUNG ULANG',
  tileStalled: 'BEKU',
  tileOffline: 'TERPUTUS',
  tilePaused: 'JEDA',
  h265Unsupported: 'Video H.265 (HEVC): komputer ini tidak dapat memutarnya. Gunakan stream H.264 atau PC dengan dekoder HEVC.',
  since: 'sejak',
  tileEmpty: 'Tidak ada kamera',
  serverConnecting: 'Menghubungkan ke server…',
  serverOnline: 'Server terhubung',
  serverOffline: 'Server terputus',
  refusedTitle: 'Layar ini ditolak oleh server',
  badTargetTitle: 'Alamat layar tidak lengkap',
  badTargetHint: 'Contoh: ?wall=demo&screen=1',
  agency: { police: 'Polisi', transport: 'Dishub', city: 'Pemkot' },
} as const;

type Strings = { [K in keyof typeof id]: (typeof id)[K] extends string ? string : { [A in keyof (typeof id)[K]]: string } };

const en: Strings = {
  tileConnecting: 'CONNECTING',
  tileLive: 'LIVE',
  tileReconnecting: 'RECONNECTING',
  tileStalled: 'STALE',
  tileOffline: 'OFFLINE',
  tilePaused: 'PAUSED',
  h265Unsupported: 'H.265 (HEVC) video: this computer cannot decode it. Use an H.264 stream or a PC with an HEVC decoder.',
  since: 'since',
  tileEmpty: 'No camera',
  serverConnecting: 'Connecting to server…',
  serverOnline: 'Server connected',
  serverOffline: 'Server disconnected',
  refusedTitle: 'The server refused this screen',
  badTargetTitle: 'Screen address is incomplete',
  badTargetHint: 'Example: ?wall=demo&screen=1',
  agency: { police: 'Police', transport: 'Transport', city: 'City' },
};

/** UI text in the configured language; Indonesian is the default. */
export function stringsFor(language: Language): Strings {
  return language === 'en' ? en : id;
}
export type { Strings };
