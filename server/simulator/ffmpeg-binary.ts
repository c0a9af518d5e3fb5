import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The static ffmpeg shipped inside @ffmpeg-installer/ffmpeg, so a fresh machine needs nothing else. */
export function ffmpegPath(): string {
  return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
}

/** The bold sans font the simulator draws camera names with, shipped by dejavu-fonts-ttf. */
export function captionFontPath(): string {
  return require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
}
