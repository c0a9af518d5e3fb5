/**
 * Draws the app icon (the design of assets/icon.svg: a dark tile, three camera tiles and an
 * amber ring) as PNG files for Linux and an ICO for Windows, with no image library: the shapes
 * are simple enough to rasterise here, and electron-builder needs bitmaps, not SVG.
 *   npx tsx build/generate-icons.ts        (writes build/icon.png, build/icons/*.png, build/icon.ico)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const hex = (value: string): Rgba => [parseInt(value.slice(1, 3), 16), parseInt(value.slice(3, 5), 16), parseInt(value.slice(5, 7), 16), 255];

/** Whether a point of the 64x64 design is inside a rounded rectangle. */
function inRoundedRect(x: number, y: number, left: number, top: number, size: number, radius: number): boolean {
  if (x < left || y < top || x > left + size || y > top + size) return false;
  const cx = Math.min(Math.max(x, left + radius), left + size - radius);
  const cy = Math.min(Math.max(y, top + radius), top + size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The design's colour at a point (0..64), or null outside the icon. */
function colourAt(x: number, y: number): Rgba | null {
  if (!inRoundedRect(x, y, 0, 0, 64, 12)) return null;
  const ring = Math.hypot(x - 45, y - 45);
  if (ring >= 7.5 && ring <= 12.5) return hex('#ffb020');
  if (inRoundedRect(x, y, 8, 8, 22, 3)) return hex('#3ddc84');
  if (inRoundedRect(x, y, 34, 8, 22, 3) || inRoundedRect(x, y, 8, 34, 22, 3)) return hex('#8ab4ff');
  return hex('#05080c');
}

/** RGBA pixels of the icon at `size` pixels, 4x4 supersampled for smooth edges. */
export function renderIcon(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(((px + (sx + 0.5) / samples) * 64) / size, ((py + (sy + 0.5) / samples) * 64) / size);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] as number) + (colour[c] as number) * 255;
          sum[3] = (sum[3] as number) + 255;
        }
      }
      const alpha = (sum[3] as number) / (samples * samples);
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[offset + c] = alpha === 0 ? 0 : Math.round((sum[c] as number) / (sum[3] as number));
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A PNG file of RGBA pixels. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** An ICO file holding PNG images (Windows Vista and later read PNG entries). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + images.length * 16;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const png = (size: number): Buffer => encodePng(size, renderIcon(size));
  mkdirSync(join(here, 'icons'), { recursive: true });
  for (const size of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(join(here, 'icons', `${size}x${size}.png`), png(size));
  writeFileSync(join(here, 'icon.png'), png(512));
  writeFileSync(join(here, 'icon.ico'), encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png(size) }))));
  console.log('wrote build/icon.png, build/icons/*.png, build/icon.ico');
}
