/** Takes a PNG of one wall screen in headless Chromium: tsx scripts/screenshot.ts URL OUT.png [WIDTHxHEIGHT] [WAIT_MS] */
import { launchChromium } from '../e2e/support/chromium.js';

const [url, out, size = '1920x1080', wait = '6000'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: tsx scripts/screenshot.ts URL OUT.png [WIDTHxHEIGHT] [WAIT_MS]');
  process.exit(2);
}
const [width, height] = size.split('x').map(Number);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: width ?? 1920, height: height ?? 1080 } });
  page.on('console', (message) => console.log(`[page ${message.type()}] ${message.text()}`));
  await page.goto(url);
  await page.waitForTimeout(Number(wait));
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
