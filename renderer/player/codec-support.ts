/** An error text the tile translates instead of showing as it is. */
export const H265_UNSUPPORTED = 'codec:h265-unsupported';

/** The video codec strings (avc1..., hvc1..., av01...) named in a MIME type's codecs parameter. */
export function videoCodecsOf(mimeType: string): string[] {
  const match = /codecs\s*=\s*"?([^";]+)"?/i.exec(mimeType);
  if (!match?.[1]) return [];
  return match[1].split(',').map((codec) => codec.trim()).filter((codec) => /^(avc|hvc|hev|av01|vp0?9|vp8)/i.test(codec));
}

/**
 * Why a stream's video cannot be decoded here, or null when it can. Chromium decodes H.265
 * only in hardware (Windows, and Linux with VA-API), with no software fallback, so an HEVC
 * camera on the wrong PC must say so in words instead of showing a black box. The codecs are
 * checked as fragmented MP4, which is what the player feeds to Media Source Extensions.
 */
export function unsupportedCodecReason(mimeType: string, isTypeSupported: (mime: string) => boolean): string | null {
  for (const codec of videoCodecsOf(mimeType)) {
    if (isTypeSupported(`video/mp4;codecs="${codec}"`)) continue;
    return /^(hvc1|hev1)/i.test(codec) ? H265_UNSUPPORTED : `video format not supported here: ${codec}`;
  }
  return null;
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
