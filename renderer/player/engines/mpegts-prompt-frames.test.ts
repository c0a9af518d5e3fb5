import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameDurationEstimate, patchRemuxerPrototype, releaseFramesPromptly } from './mpegts-prompt-frames.js';

interface Segment {
  sampleCount: number;
  info: { beginDts: number; endDts: number };
}
interface Sample {
  dts: number;
  pts: number;
  cts: number;
  units: { data: Uint8Array }[];
  length: number;
  isKeyframe: boolean;
}
interface Remuxer {
  onInitSegment: (type: string, segment: unknown) => void;
  onMediaSegment: (type: string, segment: Segment) => void;
  _onTrackMetadataReceived(type: 'video', meta: object): void;
  remux(audio: { type: 'audio'; samples: Sample[]; length: number }, video: { type: 'video'; samples: Sample[]; length: number }): void;
  _videoMeta: { refSampleDuration?: number } | null;
  _remuxVideo(track: { samples?: readonly { dts: number }[] }, force?: boolean): unknown;
}
type RemuxerClass = new (config: object) => Remuxer;

/** The MP4 remuxer of the installed mpegts.js, from its sources (the bundle needs a browser). */
async function realRemuxerClass(): Promise<RemuxerClass> {
  // Its browser sniffing reads self.navigator when the module loads.
  (globalThis as { self?: unknown }).self ??= { navigator: { userAgent: 'node' } };
  const path = 'mpegts.js/src/remux/mp4-remuxer.js';
  return ((await import(path)) as { default: RemuxerClass }).default;
}

const videoMeta = {
  type: 'video', id: 1, timescale: 1000, duration: 0, codec: 'avc1.42c01e',
  codecWidth: 640, codecHeight: 360, presentWidth: 640, presentHeight: 360,
  profile: 'Baseline', level: '3.0', bitDepth: 8, chromaFormat: 420, sarRatio: { width: 1, height: 1 },
  frameRate: { fixed: true, fps: 23.976, fps_num: 23976, fps_den: 1000 },
  // mpegts.js's guess where a stream states no frame rate (23.976 fps); these cameras send 25.
  refSampleDuration: 1000 / 23.976,
  avcc: new Uint8Array([1, 0x42, 0xc0, 0x1e, 0xff, 0xe0, 0, 0]),
};

/** Feeds frames one network packet at a time, as a live camera sends them; returns what came out after each. */
function feedOneByOne(remuxer: Remuxer, frameTimes: readonly number[]): Segment[][] {
  const out: Segment[] = [];
  remuxer.onInitSegment = () => undefined;
  remuxer.onMediaSegment = (type, segment) => {
    if (type === 'video') out.push(segment);
  };
  remuxer._onTrackMetadataReceived('video', { ...videoMeta });
  const video = { type: 'video' as const, samples: [] as Sample[], length: 0 };
  return frameTimes.map((dts, index) => {
    const data = new Uint8Array([0, 0, 0, 1, index === 0 ? 0x65 : 0x41]);
    video.samples.push({ dts, pts: dts, cts: 0, units: [{ data }], length: data.length, isKeyframe: index === 0 });
    video.length += data.length;
    const before = out.length;
    remuxer.remux({ type: 'audio', samples: [], length: 0 }, video);
    return out.slice(before);
  });
}

test('unpatched, mpegts.js holds frames of a live camera back until later ones arrive', async () => {
  const Remuxer = await realRemuxerClass();
  class Unpatched extends Remuxer {}
  const emitted = feedOneByOne(new Unpatched({ isLive: true }), [0, 40, 80, 120, 160, 200]);
  let out = 0;
  emitted.forEach((segments, index) => {
    out += segments.reduce((sum, s) => sum + s.sampleCount, 0);
    assert.ok(out < index + 1, `after frame ${index + 1} arrived only ${out} had come out`);
  });
});

test('patched, every frame comes out the moment it arrives, timed by the interval before it', async () => {
  const Remuxer = await realRemuxerClass();
  class Patched extends Remuxer {}
  const remuxer = new Patched({ isLive: true });
  patchRemuxerPrototype(remuxer);
  const times = Array.from({ length: 10 }, (_, i) => i * 40);
  const emitted = feedOneByOne(remuxer, times);
  assert.deepEqual(emitted.map((segments) => segments.map((s) => s.sampleCount)), times.map(() => [1]));
  const segments = emitted.flat();
  // The first frame gets the stream's stated rate; from the second on, the camera's real one.
  assert.ok(segments.slice(1).every((s) => s.info.endDts - s.info.beginDts === 40), 'a 25 fps camera gets 40 ms frames');
  for (let i = 1; i < segments.length; i++) assert.equal(segments[i]?.info.beginDts, segments[i - 1]?.info.endDts, 'no gap or overlap on the timeline');
});

test('patched, a camera with jittery timestamps stays within one frame interval of its own clock', async () => {
  const Remuxer = await realRemuxerClass();
  class Patched extends Remuxer {}
  const remuxer = new Patched({ isLive: true });
  patchRemuxerPrototype(remuxer);
  const steps = [40, 45, 35, 40, 60, 20, 40, 80, 40, 40, 38, 42];
  const times = steps.reduce<number[]>((acc, step) => [...acc, (acc.at(-1) ?? 0) + step], [0]);
  const segments = feedOneByOne(remuxer, times).flat();
  assert.equal(segments.length, times.length);
  const offset = (segments[0]?.info.beginDts ?? 0) - (times[0] ?? 0);
  segments.forEach((segment, i) => {
    const drift = Math.abs(segment.info.beginDts - offset - (times[i] ?? 0));
    assert.ok(drift <= 80, `frame ${i} sits ${drift} ms from its own time`);
  });
});

test('a duration estimate ignores what is no frame interval', () => {
  assert.equal(frameDurationEstimate(undefined, 40, 1), null, 'no frame before');
  assert.equal(frameDurationEstimate(0, 120, 3), 40);
  assert.equal(frameDurationEstimate(5000, 40, 1), null, 'the timeline restarted');
  assert.equal(frameDurationEstimate(0, 5000, 1), null, 'a pause of seconds');
});

test('a player whose insides are not as expected is left alone', () => {
  assert.equal(releaseFramesPromptly({}), false);
  assert.equal(releaseFramesPromptly({ _player_engine: { _transmuxer: { _controller: null } } }), false);
});

test('the patch waits for the remuxer the player makes once the first bytes arrive', async () => {
  const Remuxer = await realRemuxerClass();
  class Later extends Remuxer {}
  const controller: { _remuxer: Remuxer | null } = { _remuxer: null };
  assert.equal(releaseFramesPromptly({ _player_engine: { _transmuxer: { _controller: controller } } }), true);
  controller._remuxer = new Later({ isLive: true });
  const emitted = feedOneByOne(controller._remuxer, [0, 40]);
  assert.deepEqual(emitted.map((segments) => segments.length), [1, 1]);
});
