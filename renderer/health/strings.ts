import type { Language } from '../../protocol/index.js';

const id = {
  title: 'Kesehatan dinding video',
  subtitle: 'Setiap workstation dan layar, dengan laporan terakhirnya',
  workstation: 'Workstation',
  screen: 'Layar',
  state: 'Keadaan',
  tiles: 'Ubin langsung',
  fps: 'FPS',
  dropped: 'Frame hilang',
  memory: 'Memori',
  lastCrash: 'Crash terakhir',
  lastReport: 'Laporan terakhir',
  none: '—',
  empty: 'Belum ada laporan dari layar mana pun.',
  connecting: 'Memuat…',
  refused: 'Halaman ini hanya untuk supervisor.',
  secondsAgo: (seconds: number) => `${seconds} dtk lalu`,
  minutesAgo: (minutes: number) => `${minutes} mnt lalu`,
  conditions: { ok: 'BAIK', degraded: 'TERGANGGU', failing: 'GAGAL', silent: 'DIAM' },
  unassignedTitle: 'Layar tanpa monitor',
  unassignedHint: 'Sambungkan monitor atau ubah konfigurasi workstation.',
  restarts: (count: number) => `${count}× dimulai ulang`,
} as const;

type Strings = {
  [K in keyof typeof id]: (typeof id)[K] extends string ? string : (typeof id)[K] extends (...args: infer A) => string ? (...args: A) => string : { [C in keyof (typeof id)[K]]: string };
};

const en: Strings = {
  title: 'Wall health',
  subtitle: 'Every workstation and screen, with its latest report',
  workstation: 'Workstation',
  screen: 'Screen',
  state: 'State',
  tiles: 'Live tiles',
  fps: 'FPS',
  dropped: 'Dropped frames',
  memory: 'Memory',
  lastCrash: 'Last crash',
  lastReport: 'Last report',
  none: '—',
  empty: 'No screen has reported yet.',
  connecting: 'Loading…',
  refused: 'This page is for supervisors only.',
  secondsAgo: (seconds) => `${seconds} s ago`,
  minutesAgo: (minutes) => `${minutes} min ago`,
  conditions: { ok: 'OK', degraded: 'DEGRADED', failing: 'FAILING', silent: 'SILENT' },
  unassignedTitle: 'Screens without a monitor',
  unassignedHint: 'Connect a monitor or change the workstation configuration.',
  restarts: (count) => `restarted ${count}×`,
};

/** Wall-health text in the configured language; Indonesian is the default. */
export function healthStringsFor(language: Language): Strings {
  return language === 'en' ? en : id;
}
export type { Strings as HealthStrings };
