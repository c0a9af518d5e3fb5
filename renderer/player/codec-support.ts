/** An error text the tile translates instead of showing as it is. */
export const H265_UNSUPPORTED = 'codec:h265-unsupported';

/**
 * Why a stream's video cannot be decoded here, or null when it can. Chromium decodes H.265
 * only in hardware (Windows, and Linux with VA-API), with no software fallback, so an HEVC
 * camera on the wrong PC must say so in words instead of showing a black box.
 */
export function unsupportedCodecReason(mimeType: string, isTypeSupported: (mime: string) => boolean): string | null {
  if (mimeType === '' || isTypeSupported(mimeType)) return null;
  if (/hvc1|hev1/i.test(mimeType)) return H265_UNSUPPORTED;
  return `video format not supported here: ${mimeType}`;
}

/**
 * The codec reason hidden in a media-source error, such as Chromium's "Failed to execute
 * 'addSourceBuffer' on 'MediaSource': The type provided ('video/mp4;codecs=hvc1.1.1.L60.B0') is
 * unsupported." (mpegts.js reports it before, or instead of, its media info), or null.
 */
export function unsupportedCodecFromError(message: string): string | null {
  const match = /addSourceBuffer[\s\S]*\('([^']+)'\) is unsupported/.exec(message);
  return match?.[1] ? unsupportedCodecReason(match[1], () => false) : null;
}
