import assert from 'node:assert/strict';
import { test } from 'node:test';
import { H265_UNSUPPORTED, unsupportedCodecFromError, unsupportedCodecReason, videoCodecsOf } from './codec-support.js';

const onlyH264 = (mime: string) => mime.startsWith('video/mp4') && mime.includes('avc1');

test('the codecs are read from the media info, whatever the container it names', () => {
  assert.deepEqual(videoCodecsOf('video/x-flv; codecs="avc1.4d401f"'), ['avc1.4d401f']);
  assert.deepEqual(videoCodecsOf('video/mp2t; codecs="hvc1.1.6.L93.B0,mp4a.40.2"'), ['hvc1.1.6.L93.B0']);
  assert.deepEqual(videoCodecsOf('video/mp4'), []);
});

test('H.264 from an FLV stream plays; H.265 on a PC without an HEVC decoder is named as such', () => {
  assert.equal(unsupportedCodecReason('video/x-flv; codecs="avc1.4d401f"', onlyH264), null);
  assert.equal(unsupportedCodecReason('video/mp2t; codecs="hvc1.1.6.L93.B0"', onlyH264), H265_UNSUPPORTED);
  assert.equal(unsupportedCodecReason('video/mp2t; codecs="hev1.1.6.L93.B0"', () => true), null, 'H.265 where the runtime decodes it');
});

test('any other codec the runtime refuses is reported by name', () => {
  assert.match(unsupportedCodecReason('video/mp4;codecs=av01.0.05M.08', onlyH264) ?? '', /not supported here: av01\.0\.05M\.08/);
});

test("Chromium's refusal to create a source buffer is read for the codec it names", () => {
  const message = "Failed to execute 'addSourceBuffer' on 'MediaSource': The type provided ('video/mp4;codecs=hvc1.1.1.L60.B0') is unsupported.";
  assert.equal(unsupportedCodecFromError(message), H265_UNSUPPORTED);
  assert.equal(unsupportedCodecFromError('WebSocket closed'), null);
});
