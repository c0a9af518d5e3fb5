import type { Language } from '../../protocol/index.js';

const id = {
  tickerLabel: 'PERINGATAN',
  noAlerts: 'Tidak ada peringatan baru',
  listTitle: 'Daftar Peringatan',
  acknowledge: 'Konfirmasi',
  acknowledgedBy: 'Dikonfirmasi oleh',
  mute: 'Bisukan suara',
  unmute: 'Nyalakan suara',
  muted: 'SUARA MATI',
  offline: 'Server terputus — data terakhir',
  connecting: 'Memuat peringatan…',
  refused: 'Peringatan tidak tersedia untuk layar ini',
  acknowledgeFailed: 'Konfirmasi gagal',
  unacknowledged: 'belum dikonfirmasi',
  priority: { critical: 'KRITIS', high: 'TINGGI', medium: 'SEDANG', low: 'RENDAH' },
  kind: {
    panic: 'Tombol panik',
    'call-112': 'Panggilan 112',
    complaint: 'Aduan warga',
    'camera-offline': 'Kamera terputus',
    'camera-restored': 'Kamera pulih',
    'incident-new': 'Kejadian baru',
    'incident-escalated': 'Eskalasi',
    'incident-update': 'Pembaruan',
  },
} as const;

type Strings = { [K in keyof typeof id]: (typeof id)[K] extends string ? string : { [A in keyof (typeof id)[K]]: string } };

const en: Strings = {
  tickerLabel: 'ALERTS',
  noAlerts: 'No new alerts',
  listTitle: 'Alert list',
  acknowledge: 'Acknowledge',
  acknowledgedBy: 'Acknowledged by',
  mute: 'Mute sound',
  unmute: 'Unmute sound',
  muted: 'SOUND OFF',
  offline: 'Server disconnected — last known alerts',
  connecting: 'Loading alerts…',
  refused: 'Alerts are not available on this screen',
  acknowledgeFailed: 'Acknowledgement failed',
  unacknowledged: 'unacknowledged',
  priority: { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW' },
  kind: {
    panic: 'Panic button',
    'call-112': '112 call',
    complaint: 'Citizen complaint',
    'camera-offline': 'Camera offline',
    'camera-restored': 'Camera restored',
    'incident-new': 'New incident',
    'incident-escalated': 'Escalated',
    'incident-update': 'Update',
  },
};

/** Alert ticker and list text in the configured language; Indonesian is the default. */
export function alertStringsFor(language: Language): Strings {
  return language === 'en' ? en : id;
}
export type { Strings as AlertStrings };
