import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { OnvifPtzDriver } from './onvif-driver.js';

// No camera here: a small SOAP endpoint on loopback plays one. It answers the onvif package's
// connect sequence (GetSystemDateAndTime, GetServices, GetProfiles, GetVideoSources) and the PTZ
// operations, and records every call so the tests can read what a camera would have received.

interface ReceivedCall {
  action: string;
  path: string;
  body: string;
}

const ACTIONS = ['GetSystemDateAndTime', 'GetServices', 'GetCapabilities', 'GetProfiles', 'GetVideoSources', 'ContinuousMove', 'Stop', 'GotoPreset', 'SetPreset', 'GotoHomePosition'];

const envelope = (body: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" ' +
  'xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:trt="http://www.onvif.org/ver10/media/wsdl" ' +
  'xmlns:tptz="http://www.onvif.org/ver20/ptz/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema">' +
  `<s:Body>${body}</s:Body></s:Envelope>`;

function answer(action: string, base: string): string {
  const now = new Date();
  switch (action) {
    case 'GetSystemDateAndTime':
      return `<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:UTCDateTime>
        <tt:Time><tt:Hour>${now.getUTCHours()}</tt:Hour><tt:Minute>${now.getUTCMinutes()}</tt:Minute><tt:Second>${now.getUTCSeconds()}</tt:Second></tt:Time>
        <tt:Date><tt:Year>${now.getUTCFullYear()}</tt:Year><tt:Month>${now.getUTCMonth() + 1}</tt:Month><tt:Day>${now.getUTCDate()}</tt:Day></tt:Date>
        </tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`;
    case 'GetServices':
      return `<tds:GetServicesResponse>
        <tds:Service><tds:Namespace>http://www.onvif.org/ver10/device/wsdl</tds:Namespace><tds:XAddr>${base}/onvif/device_service</tds:XAddr></tds:Service>
        <tds:Service><tds:Namespace>http://www.onvif.org/ver10/media/wsdl</tds:Namespace><tds:XAddr>${base}/onvif/media_service</tds:XAddr></tds:Service>
        <tds:Service><tds:Namespace>http://www.onvif.org/ver20/ptz/wsdl</tds:Namespace><tds:XAddr>${base}/onvif/ptz_service</tds:XAddr></tds:Service>
        </tds:GetServicesResponse>`;
    case 'GetProfiles':
      return `<trt:GetProfilesResponse><trt:Profiles token="profile_main" fixed="true"><tt:Name>main</tt:Name>
        <tt:VideoSourceConfiguration token="vsc0"><tt:Name>vsc0</tt:Name><tt:SourceToken>vs0</tt:SourceToken></tt:VideoSourceConfiguration>
        <tt:VideoEncoderConfiguration token="vec0"><tt:Name>vec0</tt:Name><tt:Encoding>H264</tt:Encoding></tt:VideoEncoderConfiguration>
        <tt:PTZConfiguration token="ptz0"><tt:Name>ptz0</tt:Name></tt:PTZConfiguration>
        </trt:Profiles></trt:GetProfilesResponse>`;
    case 'GetVideoSources':
      return '<trt:GetVideoSourcesResponse><trt:VideoSources token="vs0"><tt:Framerate>25</tt:Framerate></trt:VideoSources></trt:GetVideoSourcesResponse>';
    case 'SetPreset':
      // The camera chooses its own token, as real cameras may.
      return '<tptz:SetPresetResponse><tptz:PresetToken>cam-token-3</tptz:PresetToken></tptz:SetPresetResponse>';
    default:
      return `<tptz:${action}Response/>`;
  }
}

let server: Server;
let base = '';
const calls: ReceivedCall[] = [];

before(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const action = ACTIONS.find((name) => new RegExp(`<(\\w+:)?${name}[\\s/>]`).test(body)) ?? 'unknown';
      calls.push({ action, path: request.url ?? '', body });
      response.writeHead(200, { 'Content-Type': 'application/soap+xml; charset=utf-8' });
      response.end(envelope(answer(action, base)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ptzCalls = () => calls.filter((call) => call.path === '/onvif/ptz_service');
const tag = (body: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
const attribute = (body: string, element: string, name: string) => new RegExp(`<${element}[^>]*\\s${name}="([^"]*)"`).exec(body)?.[1];

test('ContinuousMove, Stop, GotoPreset, SetPreset and GotoHomePosition reach the camera with its profile and our velocities', async () => {
  calls.length = 0;
  const driver = new OnvifPtzDriver({ url: `${base}/onvif/device_service`, username: 'operator', password: 'rahasia' });
  await driver.move({ pan: 0.5, tilt: -0.25, zoom: 0 });
  await driver.stop();
  await driver.savePreset(3);
  await driver.gotoPreset(3);
  await driver.gotoPreset(4);
  await driver.home();

  const connect = calls.slice(0, 4).map((call) => call.action);
  assert.deepEqual(connect.slice(0, 2), ['GetSystemDateAndTime', 'GetServices'], 'the connect sequence starts as ONVIF requires');
  assert.deepEqual([...connect.slice(2)].sort(), ['GetProfiles', 'GetVideoSources']);
  assert.deepEqual(ptzCalls().map((call) => call.action), ['ContinuousMove', 'Stop', 'SetPreset', 'GotoPreset', 'GotoPreset', 'GotoHomePosition']);
  for (const call of ptzCalls()) assert.equal(tag(call.body, 'ProfileToken'), 'profile_main', `${call.action} names the camera's profile`);

  const [move, stop, save, gotoSaved, gotoUnsaved] = ptzCalls();
  assert.equal(attribute(move!.body, 'PanTilt', 'x'), '0.5');
  assert.equal(attribute(move!.body, 'PanTilt', 'y'), '-0.25');
  assert.equal(attribute(move!.body, 'Zoom', 'x'), '0');
  assert.equal(tag(stop!.body, 'PanTilt'), 'true');
  assert.equal(tag(stop!.body, 'Zoom'), 'true');
  assert.equal(tag(save!.body, 'PresetName'), 'Pantau 3');
  assert.equal(tag(gotoSaved!.body, 'PresetToken'), 'cam-token-3', 'a saved preset is reached by the token the camera gave it');
  assert.equal(tag(gotoUnsaved!.body, 'PresetToken'), '4');
  assert.equal(tag(move!.body, 'Username'), 'operator', 'the catalogue credentials sign every request');
  assert.equal(move!.body.includes('rahasia'), false, 'the password travels only as a digest');
});

test('a configured profile token is used instead of the camera\'s first profile', async () => {
  calls.length = 0;
  const driver = new OnvifPtzDriver({ url: `${base}/onvif/device_service`, username: '', password: '', profileToken: 'profile_sub' });
  await driver.move({ pan: 0, tilt: 0, zoom: 1 });
  const [move] = ptzCalls();
  assert.equal(tag(move!.body, 'ProfileToken'), 'profile_sub');
  assert.equal(attribute(move!.body, 'Zoom', 'x'), '1');
  assert.equal(tag(move!.body, 'Username'), undefined, 'no credentials configured, none sent');
});

test('an unreachable camera is reported as a device error, and the next command tries again', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const driver = new OnvifPtzDriver({ url: `http://127.0.0.1:${port}/onvif/device_service`, username: '', password: '' });
  await assert.rejects(driver.stop(), (error: Error) => error.name === 'PtzDeviceError' && /ONVIF connect failed/.test(error.message));
  await assert.rejects(driver.stop(), /ONVIF connect failed/);
});
