import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clipCacheKey, clipEncodeArgs, type ClipProfile } from './clip-recipe.js';
import { captionFontPath, ffmpegPath } from './ffmpeg-binary.js';
import { runToCompletion } from './run-process.js';

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}

/**
 * The path of a camera's clip in one profile, encoding it first if the cache lacks it.
 * Encoding once and publishing with stream copy keeps eight simulated cameras in two
 * profiles to a few percent of a core instead of most of the machine.
 */
export async function ensureClip(cacheDir: string, cameraId: string, caption: string, profile: ClipProfile): Promise<string> {
  await mkdir(cacheDir, { recursive: true });
  const key = clipCacheKey(cameraId, caption, profile);
  const clipFile = join(cacheDir, `${cameraId}-${profile.name}-${key}.mp4`);
  if (await exists(clipFile)) return clipFile;
  const captionFile = join(cacheDir, `${cameraId}-${key}.caption.txt`);
  await writeFile(captionFile, caption, 'utf8');
  // Encode to a temporary name so an interrupted encode never leaves a truncated clip in the cache.
  const partial = `${clipFile}.partial.mp4`;
  await runToCompletion(ffmpegPath(), clipEncodeArgs({ cameraId, profile, fontFile: captionFontPath(), captionFile, outputFile: partial }));
  await rename(partial, clipFile);
  return clipFile;
}
