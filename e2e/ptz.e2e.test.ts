import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../server/app.js';
import { defaultServerOptions } from '../server/config/server-options.js';
import { tokenSha256 } from '../server/auth/user-directory.js';
import { launchChromium } from './support/chromium.js';
import { startTestServer } from './support/test-server.js';

// PTZ as an operator steers it: the real server (hub, PTZ service, simulated PTZ camera drawn in
// Node and encoded by x264, media server) and the wall screen in Chromium playing that camera in
// its tile. Keys go to the page as a keyboard sends them; the camera's movement is read from the
// pixels of the tile's video. The wall holds only the PTZ camera, in tile 2 of a 2x2 screen, so a
// click on it selects it (a click on the already selected PTZ tile would steer: click-to-centre).

const CAMERA = 'ptz-e2e';
const TOKENS = { ani: 'token-ani-ptz-operator-01', budi: 'token-budi-ptz-operator-1' };
const PTZ_TILE = `[data-testid="tile"][data-camera-id="${CAMERA}"]`;
const BADGE = `${PTZ_TILE} [data-testid="ptz-badge"]`;

let dir: string;
let server: RunningServer;
let browser: Browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pantau-ptz-e2e-'));
  const cataloguePath = join(dir, 'catalogue.json');
  const wallsPath = join(dir, 'walls.json');
  const usersPath = join(dir, 'users.json');
  writeFileSync(cataloguePath, JSON.stringify({
    cameras: [{
      id: CAMERA, number: 9, name: 'PTZ Gladak', agency: 'police', ptz: true, simulated: 'ptz',
      location: { latitude: -7.574, longitude: 110.828 }, streams: { main: `/live/${CAMERA}.flv` },
    }],
  }));
  writeFileSync(wallsPath, JSON.stringify({
    walls: [{ id: 'demo', name: 'PTZ test', screens: [{ id: '1', name: 'Layar 1', layout: '2x2', cameras: [null, CAMERA] }] }],
  }));
  // Two operators: without a users file the server runs open and everyone is the same user.
  writeFileSync(usersPath, JSON.stringify({
    users: [
      { id: 'ani', name: 'Ani', role: 'operator', walls: ['demo'], tokenSha256: [tokenSha256(TOKENS.ani)] },
      { id: 'budi', name: 'Budi', role: 'operator', walls: ['demo'], tokenSha256: [tokenSha256(TOKENS.budi)] },
    ],
  }));
  // A copy of the built renderer: a rebuild of dist/renderer while the tests run (others share the
  // working tree) would otherwise leave a page without index.html mid-run.
  const rendererDir = join(dir, 'renderer');
  cpSync(defaultServerOptions().rendererDir, rendererDir, { recursive: true });
  server = await startTestServer({ cataloguePath, wallsPath, usersPath, rendererDir, dataDir: join(dir, 'data') });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the wall screen as `user`, waits for the PTZ tile to play and clicks it to select it. */
async function openWall(user: keyof typeof TOKENS): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
  page.on('pageerror', (error) => console.log(`[page error ${user}] ${error.message}`));
  await page.goto(`${server.url}/?wall=demo&screen=1&token=${TOKENS[user]}`);
  await page.waitForSelector(`${PTZ_TILE}[data-state="live"]`, { timeout: 30_000 }).catch(async (error: unknown) => {
    // Say what the page showed instead: a tile in another state, or no wall (dist/renderer missing or rebuilt meanwhile).
    const shown = await page.evaluate((selector) => document.querySelector(selector)?.getAttribute('data-state') ?? `no PTZ tile; page: ${document.body.innerText.slice(0, 200)}`, PTZ_TILE);
    throw new Error(`the PTZ tile never played (${shown})`, { cause: error });
  });
  await page.click(PTZ_TILE);
  await page.waitForSelector(`${PTZ_TILE}[data-selected="true"] [data-testid="ptz-badge"]`, { timeout: 5000 });
  return page;
}

/** A 16x16 grey fingerprint of the frame the PTZ tile's video shows now, and where that video is. */
function sample(page: Page): Promise<{ pixels: number[]; time: number }> {
  return page.evaluate((selector) => {
    const video = document.querySelector<HTMLVideoElement>(`${selector} video[data-active="true"]`);
    const canvas = document.createElement('canvas');
    canvas.width = 16;
    canvas.height = 16;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!video || !context || video.videoWidth === 0) return { pixels: [], time: 0 };
    context.drawImage(video, 0, 0, 16, 16);
    const data = context.getImageData(0, 0, 16, 16).data;
    const pixels: number[] = [];
    for (let i = 0; i < data.length; i += 4) pixels.push(Math.round(((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3));
    return { pixels, time: video.currentTime };
  }, PTZ_TILE);
}

/** How many of 256 cells differ by more than encoder noise. */
const changed = (a: readonly number[], b: readonly number[]) =>
  a.length === 0 || b.length === 0 ? 256 : a.filter((value, index) => Math.abs(value - (b[index] ?? value)) > 8).length;

/**
 * Waits until the tile's picture has stopped changing: the same fingerprint while at least 1.5 s
 * of video played (a stalled player also shows one picture), within 15 s. A camera that keeps
 * turning never gets here.
 */
async function settledPicture(page: Page): Promise<number[]> {
  let since = await sample(page);
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.waitForTimeout(500);
    const now = await sample(page);
    if (changed(since.pixels, now.pixels) > 0) since = now;
    else if (now.time - since.time >= 1.5) return now.pixels;
  }
  throw new Error('the picture never settled');
}

/** Waits, within 10 s, for the tile's picture to differ clearly from `before`; returns how many cells changed. */
async function movedFrom(page: Page, before: readonly number[]): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const difference = changed(before, (await sample(page)).pixels);
    if (difference > 20) return difference;
    await page.waitForTimeout(200);
  }
  return changed(before, (await sample(page)).pixels);
}

/** Proves a still camera: a settled picture that is still the same after another 1.5 s of video. */
async function assertStill(page: Page, message: string): Promise<void> {
  const still = await settledPicture(page);
  const start = await sample(page);
  for (let attempt = 0; attempt < 20 && (await sample(page)).time - start.time < 1.5; attempt++) await page.waitForTimeout(250);
  assert.equal(changed(still, (await sample(page)).pixels), 0, message);
}

const badge = (page: Page) => page.locator(BADGE);
const waitForBadge = (page: Page, attributes: string) => page.waitForSelector(`${BADGE}${attributes}`, { timeout: 10_000 });

test('holding ArrowRight on the selected PTZ tile turns the picture; releasing it holds the picture still', async () => {
  const ani = await openWall('ani');
  try {
    assert.match(await badge(ani).innerText(), /PTZ AKTIF/, 'the tile says PTZ control is active');
    const [badgeBox, statusBox] = [await badge(ani).boundingBox(), await ani.locator(`${PTZ_TILE} [data-testid="tile-status"]`).boundingBox()];
    assert.ok(badgeBox && statusBox, 'the badge and the tile status are on screen');
    assert.ok(badgeBox.y >= statusBox.y + statusBox.height, 'the badge sits below the tile status (LIVE), not over it');
    const before = await settledPicture(ani);
    await ani.keyboard.down('ArrowRight');
    await waitForBadge(ani, '[data-ptz-moving="true"][data-ptz-holder="ani"]');
    const moved = await movedFrom(ani, before);
    assert.ok(moved > 20, `the picture moved while the key was held (${moved} of 256 cells changed)`);
    assert.match(await badge(ani).innerText(), /Dikendalikan: Anda[\s\S]*Bergerak →/, 'the badge says who holds the camera and the move');
    await ani.keyboard.up('ArrowRight');
    await waitForBadge(ani, '[data-ptz-moving="false"]');
    await assertStill(ani, 'after release the picture holds still');
    assert.match(await badge(ani).innerText(), /Dikendalikan: Anda[\s\S]*Diam/);
  } finally {
    await ani.close();
  }
});

test('a second operator cannot move the camera while the first holds it, and sees who does', async () => {
  const ani = await openWall('ani');
  const budi = await openWall('budi');
  try {
    // Ani nudges the camera: she holds it from then on (until she leaves or 30 s idle).
    await ani.keyboard.down('ArrowLeft');
    await waitForBadge(ani, '[data-ptz-holder="ani"][data-ptz-moving="true"]');
    await ani.keyboard.up('ArrowLeft');
    await waitForBadge(budi, '[data-ptz-holder="ani"][data-ptz-moving="false"]');
    assert.match(await badge(budi).innerText(), /Dikendalikan: Ani/, 'the other operator sees who holds the camera');
    const before = await settledPicture(budi);

    await budi.keyboard.down('ArrowRight');
    await budi.waitForSelector(`${BADGE} [role="alert"]`, { timeout: 10_000 });
    assert.match(await badge(budi).innerText(), /Kamera sedang dikendalikan orang lain/, 'the refusal is shown on the tile');
    await assertStill(budi, 'the refused key moved nothing');
    assert.equal(changed(before, (await sample(budi)).pixels), 0, 'the picture is the one from before the key');
    assert.equal(await badge(ani).getAttribute('data-ptz-holder'), 'ani', 'the holder keeps the camera');
    await budi.keyboard.up('ArrowRight');
  } finally {
    await budi.close();
    await ani.close();
  }
});

test('a window that loses focus while a key is held stops the camera', async () => {
  const ani = await openWall('ani');
  try {
    const before = await settledPicture(ani);
    await ani.keyboard.down('ArrowRight');
    await waitForBadge(ani, '[data-ptz-moving="true"]');
    assert.ok((await movedFrom(ani, before)) > 20, 'the picture moved while the key was held');
    // The key stays down: only the blur can stop the move (the client's repeats would keep it going).
    await ani.evaluate(() => window.dispatchEvent(new Event('blur')));
    await waitForBadge(ani, '[data-ptz-moving="false"]');
    await assertStill(ani, 'after the blur the picture holds still with the key still down');
    await ani.keyboard.up('ArrowRight');
  } finally {
    await ani.close();
  }
});

test('closing the holder\'s window mid-move stops the camera and frees it', async () => {
  const ani = await openWall('ani');
  const budi = await openWall('budi');
  try {
    await ani.keyboard.down('ArrowRight');
    await waitForBadge(budi, '[data-ptz-holder="ani"][data-ptz-moving="true"]');
    await ani.close();
    await waitForBadge(budi, '[data-ptz-holder=""][data-ptz-moving="false"]');
    await assertStill(budi, 'after the holder left the picture holds still');
    assert.match(await badge(budi).innerText(), /Bebas/, 'the camera is free for the next operator');
  } finally {
    await budi.close();
  }
});

test('a click off-centre on the selected PTZ tile turns the camera toward it, then it stops by itself', async () => {
  const ani = await openWall('ani');
  try {
    const before = await settledPicture(ani);
    const box = await ani.locator(PTZ_TILE).boundingBox();
    assert.ok(box, 'the PTZ tile is on screen');
    await ani.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.5);
    await waitForBadge(ani, '[data-ptz-holder="ani"]');
    const moved = await movedFrom(ani, before);
    assert.ok(moved > 20, `the picture turned toward the click (${moved} of 256 cells changed)`);
    await assertStill(ani, 'the click-to-centre move ended by itself');
  } finally {
    await ani.close();
  }
});

test('in PTZ mode (Z) the keypad steers: holding 4 turns the picture left, releasing it holds it still', async () => {
  const ani = await openWall('ani');
  try {
    const before = await settledPicture(ani);
    await ani.keyboard.press('KeyZ');
    await ani.keyboard.down('Numpad4');
    await waitForBadge(ani, '[data-ptz-moving="true"][data-ptz-holder="ani"]');
    assert.match(await badge(ani).innerText(), /Bergerak ←/);
    assert.ok((await movedFrom(ani, before)) > 20, 'the picture moved while the keypad key was held');
    await ani.keyboard.up('Numpad4');
    await waitForBadge(ani, '[data-ptz-moving="false"]');
    await assertStill(ani, 'after release the picture holds still');
  } finally {
    await ani.close();
  }
});

test('dragging inside the selected PTZ tile steers while the button is down and stops on release', async () => {
  const ani = await openWall('ani');
  try {
    const before = await settledPicture(ani);
    const box = await ani.locator(PTZ_TILE).boundingBox();
    assert.ok(box, 'the PTZ tile is on screen');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await ani.mouse.move(x, y);
    await ani.mouse.down();
    await ani.mouse.move(x - box.width / 4, y, { steps: 5 });
    await waitForBadge(ani, '[data-ptz-moving="true"][data-ptz-holder="ani"]');
    assert.ok((await movedFrom(ani, before)) > 20, 'the picture moved while dragging');
    await ani.mouse.up();
    await waitForBadge(ani, '[data-ptz-moving="false"]');
    await assertStill(ani, 'after the drag the picture holds still');
  } finally {
    await ani.close();
  }
});
