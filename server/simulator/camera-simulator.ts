import type { CatalogueCamera } from '../../protocol/index.js';
import { createLogger } from '../log.js';
import { ensureClip } from './clip-cache.js';
import { CLIP_PROFILES, publishArgs, rtmpUrlForStreamPath } from './clip-recipe.js';
import { ffmpegPath } from './ffmpeg-binary.js';
import { SupervisedProcess } from './supervised-process.js';

const log = createLogger('simulator');

export interface CameraSimulator {
  readonly streamCount: number;
  stop(): Promise<void>;
}

/** Encodes clips two at a time: the machines this runs on have two cores. */
async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Publishes every simulated camera of the catalogue to the embedded media server, main and
 * sub profile each, looping a cached clip with stream copy.
 */
export async function startCameraSimulator(cameras: readonly CatalogueCamera[], rtmpPort: number, cacheDir: string): Promise<CameraSimulator> {
  const jobs = cameras.flatMap((camera) =>
    CLIP_PROFILES.flatMap((profile) => {
      const path = camera.streams[profile.name];
      return path === undefined ? [] : [{ camera, profile, rtmpUrl: rtmpUrlForStreamPath(path, rtmpPort) }];
    }),
  );
  const started = Date.now();
  const clips = await mapWithConcurrency(jobs, 2, (job) =>
    ensureClip(cacheDir, job.camera.id, job.camera.name, job.profile),
  );
  log.info(`${clips.length} clips ready in ${Date.now() - started} ms (cache: ${cacheDir})`);
  const publishers = jobs.map(
    (job, index) => new SupervisedProcess(`publisher ${job.camera.id}/${job.profile.name}`, ffmpegPath(), publishArgs(clips[index] as string, job.rtmpUrl), log),
  );
  for (const publisher of publishers) publisher.start();
  log.info(`publishing ${publishers.length} streams of ${cameras.length} simulated cameras`);
  return {
    streamCount: publishers.length,
    stop: async () => {
      await Promise.all(publishers.map((publisher) => publisher.stop()));
    },
  };
}
