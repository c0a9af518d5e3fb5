/** Chromium command-line switches for a wall, decided before the app is ready. */
export interface ChromiumSetup {
  /** [switch, value] pairs for app.commandLine.appendSwitch; `--enable-features` appears once. */
  switches: [string, string][];
  disableHardwareAcceleration: boolean;
  /** Why hardware video decode is on or off here, for the log. */
  decodeNote: string;
}

/**
 * Switches per platform. Chromium honours only the last `--enable-features`, so every feature is
 * merged into one list. Hardware decode: on Windows Chromium decodes H.264 through D3D11 by
 * default and it is safe to keep; on Linux VA-API decode depends on the driver (green frames,
 * GPU process crashes on some Intel and AMD stacks), so `auto` leaves it off there and `on` turns
 * the VA-API features on. After repeated GPU crashes the app runs with no hardware acceleration.
 */
export function chromiumSetup(platform: NodeJS.Platform, hardwareDecode: 'auto' | 'on' | 'off', hardwareAccelerationDisabled: boolean): ChromiumSetup {
  const features: string[] = [];
  const disabledFeatures: string[] = [];
  // Walls open more than Chromium's 6 HTTP/1.1 connections per host (fact 8 in architecture.md).
  const switches: [string, string][] = [
    ['max-connections-per-host', '32'],
    ['autoplay-policy', 'no-user-gesture-required'],
    // The map needs WebGL2. A PC without a usable GPU (VM, remote desktop, or this app after its
    // GPU fallback) has WebGL only from SwiftShader, which Chromium no longer falls back to unless
    // told; with a working GPU the switch changes nothing.
    ['enable-unsafe-swiftshader', ''],
  ];
  let decodeNote: string;
  if (hardwareAccelerationDisabled) {
    decodeNote = 'hardware acceleration off after repeated GPU crashes: software decode';
  } else if (hardwareDecode === 'off') {
    switches.push(['disable-accelerated-video-decode', '']);
    decodeNote = 'hardware video decode off by configuration';
  } else if (platform === 'linux') {
    if (hardwareDecode === 'on') {
      features.push('VaapiVideoDecoder', 'VaapiVideoDecodeLinuxGL', 'AcceleratedVideoDecodeLinuxGL');
      switches.push(['ignore-gpu-blocklist', '']);
      decodeNote = 'VA-API hardware video decode on by configuration';
    } else {
      switches.push(['disable-accelerated-video-decode', '']);
      decodeNote = 'hardware video decode off on Linux unless configured (driver-dependent)';
    }
  } else {
    decodeNote = 'hardware video decode by Chromium default (D3D11 on Windows)';
  }
  // The wall never wants its windows throttled when covered.
  disabledFeatures.push('CalculateNativeWinOcclusion');
  if (features.length > 0) switches.push(['enable-features', features.join(',')]);
  if (disabledFeatures.length > 0) switches.push(['disable-features', disabledFeatures.join(',')]);
  return { switches, disableHardwareAcceleration: hardwareAccelerationDisabled, decodeNote };
}
