import type { KeyAction, Language } from '../../protocol/index.js';

type Labels = Partial<Record<KeyAction, string>>;

const id: Labels = {
  'entry-monitor': 'Akhiri nomor monitor', 'entry-tile': 'Akhiri nomor ubin', 'entry-enter': 'Pasang kamera / pilih',
  'entry-backspace': 'Hapus satu angka', 'entry-cancel': 'Batal ketik', 'entry-preset': 'Panggil preset (nomor dulu)',
  'entry-save-preset': 'Simpan preset layar (nomor dulu)', 'entry-swap': 'Tukar dengan ubin (nomor dulu)',
  'select-screen-next': 'Monitor berikutnya', 'select-tile-next': 'Ubin berikutnya', 'select-tile-previous': 'Ubin sebelumnya',
  'maximise-toggle': 'Perbesar / kembalikan ubin', 'clear-tile': 'Kosongkan ubin', 'pin-toggle': 'Sematkan / lepas (supervisor)',
  'history-back': 'Kamera sebelumnya di ubin', 'history-forward': 'Kamera berikutnya di ubin',
  'page-next': 'Halaman grup berikutnya', 'page-previous': 'Halaman grup sebelumnya',
  'help-toggle': 'Bantuan tombol', 'stats-toggle': 'Statistik ubin', 'camera-search': 'Cari kamera',
  'audit-toggle': 'Audit, riwayat, preset (supervisor)', 'health-toggle': 'Kesehatan dinding (supervisor)',
  'heatmap-toggle': 'Peta rawan kecelakaan', 'alerts-acknowledge': 'Konfirmasi peringatan terbaru', 'alerts-mute': 'Bisukan alarm',
  'briefing-next': 'Insiden berikutnya', 'briefing-previous': 'Insiden sebelumnya', 'identify-displays': 'Tunjukkan nomor layar',
  'ptz-mode-toggle': 'Mode PTZ (keypad menggerakkan)', 'ptz-up': 'PTZ atas', 'ptz-down': 'PTZ bawah', 'ptz-left': 'PTZ kiri',
  'ptz-right': 'PTZ kanan', 'ptz-up-left': 'PTZ kiri atas', 'ptz-up-right': 'PTZ kanan atas', 'ptz-down-left': 'PTZ kiri bawah',
  'ptz-down-right': 'PTZ kanan bawah', 'ptz-zoom-in': 'Zoom masuk', 'ptz-zoom-out': 'Zoom keluar', 'ptz-home': 'PTZ posisi awal',
  'ptz-goto-preset': 'PTZ ke preset (nomor dulu)', 'ptz-save-preset': 'Simpan preset PTZ (supervisor)',
  'push-incident': 'Kirim insiden ke layar',
};

const en: Labels = {
  'entry-monitor': 'End the monitor number', 'entry-tile': 'End the tile number', 'entry-enter': 'Put camera / select',
  'entry-backspace': 'Delete a digit', 'entry-cancel': 'Cancel typing', 'entry-preset': 'Recall preset (number first)',
  'entry-save-preset': 'Save screen preset (number first)', 'entry-swap': 'Swap with tile (number first)',
  'select-screen-next': 'Next monitor', 'select-tile-next': 'Next tile', 'select-tile-previous': 'Previous tile',
  'maximise-toggle': 'Maximise / restore tile', 'clear-tile': 'Clear tile', 'pin-toggle': 'Pin / unpin (supervisor)',
  'history-back': "Tile's previous camera", 'history-forward': "Tile's next camera",
  'page-next': 'Next group page', 'page-previous': 'Previous group page',
  'help-toggle': 'Key help', 'stats-toggle': 'Tile stats', 'camera-search': 'Find a camera',
  'audit-toggle': 'Audit, history, presets (supervisor)', 'health-toggle': 'Wall health (supervisor)',
  'heatmap-toggle': 'Accident heatmap', 'alerts-acknowledge': 'Acknowledge newest alert', 'alerts-mute': 'Mute the alarm',
  'briefing-next': 'Next incident', 'briefing-previous': 'Previous incident', 'identify-displays': 'Show display numbers',
  'ptz-mode-toggle': 'PTZ mode (keypad steers)', 'ptz-up': 'PTZ up', 'ptz-down': 'PTZ down', 'ptz-left': 'PTZ left',
  'ptz-right': 'PTZ right', 'ptz-up-left': 'PTZ up left', 'ptz-up-right': 'PTZ up right', 'ptz-down-left': 'PTZ down left',
  'ptz-down-right': 'PTZ down right', 'ptz-zoom-in': 'Zoom in', 'ptz-zoom-out': 'Zoom out', 'ptz-home': 'PTZ home',
  'ptz-goto-preset': 'PTZ to preset (number first)', 'ptz-save-preset': 'Save PTZ preset (supervisor)',
  'push-incident': 'Push incident to screen',
};

/** The words for a key action in the help overlay; layouts and presets are named from the action itself. */
export function actionLabel(action: KeyAction, language: Language): string {
  const labels = language === 'en' ? en : id;
  const known = labels[action];
  if (known !== undefined) return known;
  if (action.startsWith('layout-')) return `${language === 'en' ? 'Layout' : 'Tata letak'} ${action.slice('layout-'.length)}`;
  if (action.startsWith('preset-')) return `Preset ${action.slice('preset-'.length)}`;
  if (action.startsWith('entry-digit-')) return action.slice('entry-digit-'.length);
  return action;
}
