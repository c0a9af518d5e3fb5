import { createHash } from 'node:crypto';

/** A rendition the simulator publishes for every camera: main for large tiles, sub for small ones. */
export interface ClipProfile {
  name: 'main' | 'sub';
  width: number;
  height: number;
  bitrateKbps: number;
}

export const CLIP_PROFILES: readonly ClipProfile[] = [
  { name: 'main', width: 1280, height: 720, bitrateKbps: 1500 },
  { name: 'sub', width: 640, height: 360, bitrateKbps: 450 },
];

/** Length of the looped clip; long enough that the loop seam is rare, short enough to encode fast. */
export const CLIP_SECONDS = 6;
export const CLIP_FPS = 25;

/** Escapes a value for use inside an ffmpeg filter argument in single quotes. */
export function escapeFilterValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "'\\\\\\''").replace(/:/g, '\\:');
}

/** A distinct hue per camera, so tiles differ at a glance even before the name is read. */
export function hueFor(cameraId: string): number {
  const digest = createHash('sha256').update(cameraId).digest();
  return (digest.readUInt16BE(0) % 36) * 10;
}

export interface ClipInput {
  cameraId: string;
  profile: ClipProfile;
  fontFile: string;
  /** File holding the caption (camera name and id); a file sidesteps drawtext's quoting. */
  captionFile: string;
  outputFile: string;
}

/**
 * ffmpeg arguments that encode one camera's looping clip: a moving test pattern tinted per
 * camera, the camera's name in large type, a running clock; x264 zerolatency, 25 fps, one
 * keyframe a second, no B-frames, so it can be published with stream copy in a loop.
 */
export function clipEncodeArgs(input: ClipInput): string[] {
  const { width, height, bitrateKbps } = input.profile;
  const fontSize = Math.round(height / 13);
  const font = escapeFilterValue(input.fontFile);
  const caption = escapeFilterValue(input.captionFile);
  const filter = [
    `testsrc2=size=${width}x${height}:rate=${CLIP_FPS}:duration=${CLIP_SECONDS}`,
    `hue=h=${hueFor(input.cameraId)}:s=0.65:b=-1.5`,
    // The name sits in the middle band, clear of the corners where the wall draws its own labels.
    `drawtext=fontfile='${font}':textfile='${caption}':fontsize=${fontSize}:fontcolor=white:box=1:boxcolor=black@0.7:boxborderw=${Math.round(fontSize * 0.35)}:x=(w-text_w)/2:y=h*0.38`,
    `drawbox=x='mod(t*${Math.round(width / 3)},iw-${Math.round(width / 8)})':y=ih-${Math.round(height / 6)}:w=${Math.round(width / 8)}:h=${Math.round(height / 12)}:color=white@0.9:t=fill`,
  ].join(',');
  return [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', filter,
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-profile:v', 'main',
    '-pix_fmt', 'yuv420p', '-r', String(CLIP_FPS),
    '-g', String(CLIP_FPS), '-keyint_min', String(CLIP_FPS), '-sc_threshold', '0', '-bf', '0',
    '-b:v', `${bitrateKbps}k`, '-maxrate', `${bitrateKbps}k`, '-bufsize', `${bitrateKbps}k`,
    '-an', '-movflags', '+faststart',
    input.outputFile,
  ];
}

/** A cache key that changes whenever anything that shapes the clip changes. */
export function clipCacheKey(cameraId: string, caption: string, profile: ClipProfile): string {
  const recipe = JSON.stringify({ v: 2, cameraId, caption, profile, CLIP_SECONDS, CLIP_FPS, args: clipEncodeArgs({
    cameraId, profile, fontFile: 'F', captionFile: 'C', outputFile: 'O',
  }) });
  return createHash('sha256').update(recipe).digest('hex').slice(0, 16);
}

/** ffmpeg arguments that publish a cached clip to RTMP forever, in real time, without re-encoding. */
export function publishArgs(clipFile: string, rtmpUrl: string): string[] {
  return ['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', clipFile, '-c', 'copy', '-f', 'flv', rtmpUrl];
}

/** The RTMP address a simulated camera publishes to, from its catalogue path "/app/name.flv". */
export function rtmpUrlForStreamPath(streamPath: string, rtmpPort: number): string {
  const match = /^\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)\.flv$/.exec(streamPath);
  if (!match) throw new Error(`simulated stream "${streamPath}" must look like /app/name.flv`);
  return `rtmp://127.0.0.1:${rtmpPort}/${match[1]}/${match[2]}`;
}
