import type { Language } from '../../protocol/index.js';
import type { ServerProblem, WallProblem } from '../../protocol/workstation-config-setup.js';

/** Every sentence of the setup page, in Indonesian (the default) and English. */
export interface SetupStrings {
  title: string;
  intro: string;
  machine(name: string): string;
  noBridge: string;
  locked: string;
  serverHeading: string;
  serverLabel: string;
  serverHint: string;
  testConnection: string;
  testing: string;
  serverOk(url: string, version: number): string;
  serverProblem(problem: ServerProblem, url: string, detail: string, serverProtocol: number | null, clientProtocol: number): string;
  enrolHeading: string;
  enrolHint: string;
  codeLabel: string;
  enrol: string;
  enrolling: string;
  alreadyEnrolled: string;
  enrolled(workstationId: string, role: string): string;
  enrolProblem(problem: 'no-safe-storage' | 'refused' | 'unreachable', detail: string): string;
  codeInvalid: string;
  wallHeading: string;
  wallLabel: string;
  listScreens: string;
  listing: string;
  wallFound(name: string, count: number): string;
  wallProblem(problem: WallProblem, wallId: string, detail: string): string;
  displaysHeading: string;
  identify: string;
  identifyUnavailable: string;
  display(number: number, label: string, width: number, height: number): string;
  noDisplays: string;
  assignHeading: string;
  assignHint: string;
  notShown: string;
  onDisplay(number: number, label: string): string;
  languageLabel: string;
  languageNames: Record<Language, string>;
  save: string;
  saving: string;
  saved: string;
  saveFailed(error: string): string;
  shellError(error: string): string;
  errors: {
    serverMissing: string;
    serverInvalid: string;
    wallInvalid: string;
    screensNotListed: string;
    noScreen: string;
    displayTwice(display: number, first: string, second: string): string;
  };
}

const ID: SetupStrings = {
  title: 'Penyiapan Pantau',
  intro: 'Workstation ini belum terhubung ke server. Isi alamat server, uji koneksinya, pilih layar dinding untuk setiap monitor, lalu simpan.',
  machine: (name) => `Komputer: ${name}`,
  noBridge: 'Halaman ini hanya bekerja di dalam aplikasi Pantau.',
  locked: 'Dikunci oleh berkas provisioning atau baris perintah',
  serverHeading: '1. Server pusat',
  serverLabel: 'Alamat server',
  serverHint: 'misalnya http://10.10.1.5:8080',
  testConnection: 'Uji koneksi',
  testing: 'Menguji…',
  serverOk: (url, version) => `Terhubung ke server Pantau di ${url} (protokol ${version}).`,
  serverProblem: (problem, url, detail, serverProtocol, clientProtocol) => {
    switch (problem) {
      case 'unreachable':
        return `Server di ${url} tidak dapat dihubungi (${detail}). Periksa alamat, port, dan jaringan.`;
      case 'timeout':
        return `Server di ${url} tidak menjawab (${detail}). Periksa jaringan dan firewall.`;
      case 'http-error':
        return `Alamat ${url} menjawab dengan galat (${detail}): server tidak sehat atau ini bukan server Pantau.`;
      case 'not-pantau':
        return `Alamat ${url} menjawab, tetapi bukan server Pantau (${detail}). Periksa port-nya.`;
      case 'protocol-mismatch':
        return `Server memakai protokol ${serverProtocol ?? '?'}, aplikasi ini protokol ${clientProtocol}. Perbarui aplikasi atau server agar sama.`;
    }
  },
  enrolHeading: '2. Pendaftaran (opsional)',
  enrolHint: 'Jika server meminta token, masukkan kode sekali pakai dari supervisor.',
  codeLabel: 'Kode sekali pakai',
  enrol: 'Daftarkan',
  enrolling: 'Mendaftarkan…',
  alreadyEnrolled: 'Workstation ini sudah memiliki token perangkat.',
  enrolled: (workstationId, role) => `Terdaftar sebagai ${workstationId} (${role}). Token perangkat disimpan terenkripsi saat Anda menyimpan.`,
  enrolProblem: (problem, detail) => {
    switch (problem) {
      case 'no-safe-storage':
        return `Token tidak dapat disimpan terenkripsi di komputer ini (${detail}). Kode tidak dipakai.`;
      case 'refused':
        return `Kode ditolak: ${detail}`;
      case 'unreachable':
        return `Server tidak dapat dihubungi untuk pendaftaran (${detail}).`;
    }
  },
  codeInvalid: 'Kode terdiri dari 8 huruf dan angka, misalnya 7KQM-R2XD.',
  wallHeading: '3. Dinding',
  wallLabel: 'ID dinding',
  listScreens: 'Tampilkan layar',
  listing: 'Menghubungi…',
  wallFound: (name, count) => `${name}: ${count} layar.`,
  wallProblem: (problem, wallId, detail) => {
    switch (problem) {
      case 'unknown-wall':
        return `Server tidak mengenal dinding "${wallId}" (${detail}).`;
      case 'unauthorized':
        return `Server meminta token: daftarkan workstation ini dengan kode sekali pakai (${detail}).`;
      case 'protocol-mismatch':
        return `Versi protokol tidak cocok (${detail}).`;
      case 'unreachable':
        return `Server tidak dapat dihubungi (${detail}).`;
      case 'timeout':
        return `Server tidak menjawab (${detail}).`;
      case 'bad-reply':
        return `Jawaban server tidak dipahami (${detail}).`;
    }
  },
  displaysHeading: '4. Monitor',
  identify: 'Identifikasi monitor',
  identifyUnavailable: 'Identifikasi monitor tidak tersedia.',
  display: (number, label, width, height) => `Monitor ${number}: ${label || 'tanpa nama'} · ${width}×${height}`,
  noDisplays: 'Tidak ada monitor terdeteksi.',
  assignHeading: '5. Layar di monitor',
  assignHint: 'Satu monitor untuk satu layar. Layar tanpa monitor tidak ditampilkan di workstation ini.',
  notShown: '— tidak ditampilkan —',
  onDisplay: (number, label) => `Monitor ${number}${label ? ` (${label})` : ''}`,
  languageLabel: 'Bahasa dinding',
  languageNames: { id: 'Bahasa Indonesia', en: 'English' },
  save: 'Simpan dan buka dinding',
  saving: 'Menyimpan…',
  saved: 'Tersimpan. Jendela dinding dibuka.',
  saveFailed: (error) => `Tidak tersimpan: ${error}`,
  shellError: (error) => `Aplikasi menolak permintaan: ${error}`,
  errors: {
    serverMissing: 'Isi alamat server.',
    serverInvalid: 'Alamat server tidak sah: tulis seperti http://10.10.1.5:8080.',
    wallInvalid: 'ID dinding: huruf kecil, angka, atau tanda minus, misalnya tmc.',
    screensNotListed: 'Tampilkan layar dinding dulu.',
    noScreen: 'Pilih monitor untuk sedikitnya satu layar.',
    displayTwice: (display, first, second) => `Monitor ${display} dipilih untuk layar ${first} dan ${second}: satu monitor untuk satu layar.`,
  },
};

const EN: SetupStrings = {
  title: 'Pantau setup',
  intro: 'This workstation is not connected to a server yet. Enter the server address, test the connection, choose the wall screen for each display, then save.',
  machine: (name) => `Computer: ${name}`,
  noBridge: 'This page works only inside the Pantau app.',
  locked: 'Locked by the provisioning file or the command line',
  serverHeading: '1. Central server',
  serverLabel: 'Server address',
  serverHint: 'for example http://10.10.1.5:8080',
  testConnection: 'Test connection',
  testing: 'Testing…',
  serverOk: (url, version) => `Connected to the Pantau server at ${url} (protocol ${version}).`,
  serverProblem: (problem, url, detail, serverProtocol, clientProtocol) => {
    switch (problem) {
      case 'unreachable':
        return `Cannot reach the server at ${url} (${detail}). Check the address, the port and the network.`;
      case 'timeout':
        return `The server at ${url} does not answer (${detail}). Check the network and the firewall.`;
      case 'http-error':
        return `${url} answers with an error (${detail}): the server is unwell or this is not a Pantau server.`;
      case 'not-pantau':
        return `${url} answers, but it is not a Pantau server (${detail}). Check the port.`;
      case 'protocol-mismatch':
        return `The server speaks protocol ${serverProtocol ?? '?'}, this app protocol ${clientProtocol}. Update the app or the server to match.`;
    }
  },
  enrolHeading: '2. Enrolment (optional)',
  enrolHint: 'If the server asks for a token, enter the one-time code from a supervisor.',
  codeLabel: 'One-time code',
  enrol: 'Enrol',
  enrolling: 'Enrolling…',
  alreadyEnrolled: 'This workstation already holds a device token.',
  enrolled: (workstationId, role) => `Enrolled as ${workstationId} (${role}). The device token is kept encrypted when you save.`,
  enrolProblem: (problem, detail) => {
    switch (problem) {
      case 'no-safe-storage':
        return `The token cannot be kept encrypted on this computer (${detail}). The code was not used.`;
      case 'refused':
        return `Code refused: ${detail}`;
      case 'unreachable':
        return `Cannot reach the server to enrol (${detail}).`;
    }
  },
  codeInvalid: 'A code is 8 letters and digits, for example 7KQM-R2XD.',
  wallHeading: '3. Wall',
  wallLabel: 'Wall id',
  listScreens: 'Show screens',
  listing: 'Connecting…',
  wallFound: (name, count) => `${name}: ${count} screens.`,
  wallProblem: (problem, wallId, detail) => {
    switch (problem) {
      case 'unknown-wall':
        return `The server has no wall "${wallId}" (${detail}).`;
      case 'unauthorized':
        return `The server asks for a token: enrol this workstation with a one-time code (${detail}).`;
      case 'protocol-mismatch':
        return `Protocol versions do not match (${detail}).`;
      case 'unreachable':
        return `Cannot reach the server (${detail}).`;
      case 'timeout':
        return `The server does not answer (${detail}).`;
      case 'bad-reply':
        return `The server's answer is not understood (${detail}).`;
    }
  },
  displaysHeading: '4. Displays',
  identify: 'Identify displays',
  identifyUnavailable: 'Identify displays is not available.',
  display: (number, label, width, height) => `Display ${number}: ${label || 'no name'} · ${width}×${height}`,
  noDisplays: 'No display detected.',
  assignHeading: '5. Screens on displays',
  assignHint: 'One display per screen. A screen without a display is not shown on this workstation.',
  notShown: '— not shown —',
  onDisplay: (number, label) => `Display ${number}${label ? ` (${label})` : ''}`,
  languageLabel: 'Wall language',
  languageNames: { id: 'Bahasa Indonesia', en: 'English' },
  save: 'Save and open the wall',
  saving: 'Saving…',
  saved: 'Saved. The wall windows are opening.',
  saveFailed: (error) => `Not saved: ${error}`,
  shellError: (error) => `The app refused the request: ${error}`,
  errors: {
    serverMissing: 'Enter the server address.',
    serverInvalid: 'Not a valid server address: write it like http://10.10.1.5:8080.',
    wallInvalid: 'Wall id: lower-case letters, digits or dashes, for example tmc.',
    screensNotListed: 'Show the wall\'s screens first.',
    noScreen: 'Choose a display for at least one screen.',
    displayTwice: (display, first, second) => `Display ${display} is chosen for screens ${first} and ${second}: one display per screen.`,
  },
};

/** The setup's sentences in `language`. */
export function setupStrings(language: Language): SetupStrings {
  return language === 'en' ? EN : ID;
}
