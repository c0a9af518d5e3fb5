import type { Language } from '../../protocol/screen-target.js';
import type { IncidentCategory, IncidentSeverity, IncidentStatus, ReportChannel, ResponseAgency } from '../../protocol/incidents.js';

/** The map's and the briefing's words, Indonesian first (the room's language). */
const id = {
  mapCannotStartTitle: 'Peta tidak dapat dimulai',
  mapNoWebgl2:
    'Komputer ini tidak menyediakan WebGL2, yang dibutuhkan peta. Aktifkan akselerasi grafis (GPU), atau jalankan Chromium dengan --use-angle=swiftshader --enable-unsafe-swiftshader.',
  mapFailed: 'Peta gagal dimuat',
  mapBlankHint: 'Periksa alamat gaya peta (style URL) dan koneksi ke server peta.',
  mapEngineFailed: 'Pustaka peta Mapbox (mapbox-gl) tidak dapat dimuat.',
  mapboxTokenHint: 'Mapbox menolak token akses. Periksa mapboxAccessToken (token publik pk.*) di bagian map berkas walls, atau hapus token itu agar peta kembali ke maplibre-gl.',
  heatmapLegend: 'Rawan kecelakaan (riwayat)',
  heatmapUnavailable: 'Riwayat kecelakaan tidak tersedia',
  heatmapKeyHint: 'Tombol G: peta rawan kecelakaan',
  cameraOpen: 'Tampilkan langsung',
  cameraSendTo: 'Kirim ke',
  close: 'Tutup',
  cameraNoView: 'Arah pandang tidak diketahui',
  incidents: 'insiden',
  returnsHomeIn: 'kembali ke tampilan kota',
  briefingTitle: 'Pengarahan',
  briefingNext: 'Berikutnya',
  briefingPrevious: 'Sebelumnya',
  briefingList: 'Daftar insiden',
  briefingOf: 'dari',
  briefingEmpty: 'Tidak ada insiden untuk dipresentasikan',
  timeline: 'Kronologi',
  relatedCameras: 'Kamera terkait',
  noRelatedCameras: 'Tidak ada kamera di dekat lokasi',
  reportedVia: 'Dilaporkan lewat',
  assignedTo: 'Ditangani oleh',
  notAssigned: 'Belum diserahkan',
  address: 'Lokasi',
  category: {
    crime: 'Kejahatan',
    fire: 'Kebakaran',
    'traffic-accident': 'Kecelakaan lalu lintas',
    'panic-button': 'Tombol darurat',
    'citizen-complaint': 'Aduan warga',
    congestion: 'Kemacetan',
    'public-order': 'Ketertiban umum',
  } satisfies Record<IncidentCategory, string>,
  severity: { low: 'Rendah', medium: 'Sedang', high: 'Tinggi', critical: 'KRITIS' } satisfies Record<IncidentSeverity, string>,
  status: { new: 'Baru', verified: 'Terverifikasi', dispatched: 'Petugas dikirim', handled: 'Ditangani', closed: 'Selesai' } satisfies Record<IncidentStatus, string>,
  channel: { 'panic-button': 'Tombol darurat', '112': 'Panggilan 112', 'e-lapor': 'e-Lapor', 'cctv-operator': 'Operator CCTV', patrol: 'Patroli' } satisfies Record<ReportChannel, string>,
  agency: { police: 'Polisi', fire: 'Damkar', ambulance: 'Ambulans', 'search-and-rescue': 'Basarnas', transport: 'Dishub' } satisfies Record<ResponseAgency, string>,
};

export type MapStrings = typeof id;

const en: MapStrings = {
  mapCannotStartTitle: 'The map cannot start',
  mapNoWebgl2:
    'This computer does not provide WebGL2, which the map needs. Enable graphics acceleration (GPU), or run Chromium with --use-angle=swiftshader --enable-unsafe-swiftshader.',
  mapFailed: 'The map failed to load',
  mapBlankHint: 'Check the map style URL and the connection to the map server.',
  mapEngineFailed: 'The Mapbox map library (mapbox-gl) could not be loaded.',
  mapboxTokenHint: 'Mapbox refused the access token. Check mapboxAccessToken (a public pk.* token) in the walls file\'s map section, or remove it to go back to maplibre-gl.',
  heatmapLegend: 'Accident-prone (history)',
  heatmapUnavailable: 'Accident history unavailable',
  heatmapKeyHint: 'Key G: accident-prone map',
  cameraOpen: 'Show live',
  cameraSendTo: 'Send to',
  close: 'Close',
  cameraNoView: 'View direction unknown',
  incidents: 'incidents',
  returnsHomeIn: 'returns to the city view',
  briefingTitle: 'Briefing',
  briefingNext: 'Next',
  briefingPrevious: 'Previous',
  briefingList: 'Incident list',
  briefingOf: 'of',
  briefingEmpty: 'No incidents to present',
  timeline: 'Timeline',
  relatedCameras: 'Related cameras',
  noRelatedCameras: 'No cameras near the location',
  reportedVia: 'Reported via',
  assignedTo: 'Assigned to',
  notAssigned: 'Not yet assigned',
  address: 'Location',
  category: {
    crime: 'Crime',
    fire: 'Fire',
    'traffic-accident': 'Traffic accident',
    'panic-button': 'Panic button',
    'citizen-complaint': 'Citizen complaint',
    congestion: 'Congestion',
    'public-order': 'Public order',
  },
  severity: { low: 'Low', medium: 'Medium', high: 'High', critical: 'CRITICAL' },
  status: { new: 'New', verified: 'Verified', dispatched: 'Dispatched', handled: 'Handled', closed: 'Closed' },
  channel: { 'panic-button': 'Panic button', '112': '112 call', 'e-lapor': 'e-Lapor', 'cctv-operator': 'CCTV operator', patrol: 'Patrol' },
  agency: { police: 'Police', fire: 'Fire brigade', ambulance: 'Ambulance', 'search-and-rescue': 'Search and rescue', transport: 'Transport office' },
};

/** The map's and the briefing's text in the configured language; Indonesian is the default. */
export function mapStringsFor(language: Language): MapStrings {
  return language === 'en' ? en : id;
}
