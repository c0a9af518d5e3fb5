import type { CatalogueCamera } from '../../protocol/index.js';
import { createLogger } from '../log.js';
import { ensureClip } from './clip-cache.js';
import { CLIP_PROFILES, publishArgs, rtmpUrlForStreamPath } from './clip-recipe.js';
import { ClockCamera } from './clock-camera.js';
import { ffmpegPath } from './ffmpeg-binary.js';
import { SupervisedProcess } from './supervised-process.js';

const log = createLogger('simulator');

export interface CameraSimulator {
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
 * Publishes the simulated cameras to the embedded media server: clip cameras in main and sub
 * profile each, looping a cached clip with stream copy; clock cameras encoded live.
 */
export async function startCameraSimulator(
  cameras: readonly CatalogueCamera[],
  clockCameras: readonly CatalogueCamera[],
  rtmpPort: number,
  cacheDir: string,
): Promise<CameraSimulator> {
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
  // A clock camera is encoded live (main stream only): keep them few, each costs a live encode.
  const clocks = clockCameras.map((camera) => new ClockCamera(rtmpUrlForStreamPath(camera.streams.main, rtmpPort)));
  for (const clock of clocks) clock.start();
  log.info(`publishing ${publishers.length} streams of ${cameras.length} simulated cameras and ${clocks.length} clock cameras`);
  return {
    stop: async () => {
      await Promise.all([...publishers.map((publisher) => publisher.stop()), ...clocks.map((clock) => clock.stop())]);
    },
  };
}
