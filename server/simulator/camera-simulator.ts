import type { CatalogueCamera } from '../../protocol/index.js';
import { createLogger } from '../log.js';
import { ensureClip } from './clip-cache.js';
import { CLIP_PROFILES, publishArgs, rtmpUrlForStreamPath } from './clip-recipe.js';
import type { SimulatedPtzCamera } from '../ptz/ptz-drivers.js';
import { ClockCamera } from './clock-camera.js';
import { ffmpegPath } from './ffmpeg-binary.js';
import { PtzCamera } from './ptz-camera.js';
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
 * profile each, looping a cached clip with stream copy; clock cameras encoded live; PTZ cameras
 * rendered live from their simulated head (main stream only).
 */
export async function startCameraSimulator(
  cameras: readonly CatalogueCamera[],
  clockCameras: readonly CatalogueCamera[],
  rtmpPort: number,
  cacheDir: string,
  ptzCameras: readonly SimulatedPtzCamera[] = [],
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
  // A PTZ camera is rendered and encoded live too (about a tenth of a core each at 640x360).
  const heads = ptzCameras.map(({ camera, driver }) => new PtzCamera(rtmpUrlForStreamPath(camera.streams.main, rtmpPort), driver));
  for (const head of heads) head.start();
  log.info(`publishing ${publishers.length} streams of ${cameras.length} simulated cameras, ${clocks.length} clock cameras and ${heads.length} PTZ cameras`);
  return {
    stop: async () => {
      await Promise.all([...publishers.map((publisher) => publisher.stop()), ...clocks.map((clock) => clock.stop()), ...heads.map((head) => head.stop())]);
    },
  };
}
