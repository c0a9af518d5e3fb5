/**
 * The picture of a simulated PTZ camera: a view over a synthetic city of numbered blocks, drawn
 * as raw YUV 4:2:0 for the encoder. The city is laid out in degrees (pan all the way round,
 * tilt ±60), so pan, tilt and zoom move the view the way a dome's head moves its picture, and
 * the same position always gives the same picture.
 */

export const PTZ_FRAME = { width: 640, height: 360 } as const;
/** Bytes of one YUV 4:2:0 frame: a full-size luma plane and two quarter-size chroma planes. */
export const PTZ_FRAME_BYTES = PTZ_FRAME.width * PTZ_FRAME.height * 1.5;

/** Horizontal field of view at zoom 1, in degrees. */
export const WIDE_FIELD_OF_VIEW = 60;
const BLOCK_DEGREES = 10;
const ROAD_DEGREES = 2;
const COLUMNS = 360 / BLOCK_DEGREES;
const WORLD_TOP = 60;

/** What the picture shows: the head's position and whether it is moving. */
export interface PtzView {
  pan: number;
  tilt: number;
  zoom: number;
  moving: boolean;
}

// A 3x5 pixel font for the few characters the picture needs, one row of 3 bits per line.
const GLYPHS: Record<string, readonly number[]> = {
  '0': [7, 5, 5, 5, 7], '1': [2, 6, 2, 2, 7], '2': [7, 1, 7, 4, 7], '3': [7, 1, 7, 1, 7], '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7], '6': [7, 4, 7, 5, 7], '7': [7, 1, 1, 1, 1], '8': [7, 5, 7, 5, 7], '9': [7, 5, 7, 1, 7],
  P: [7, 5, 7, 4, 4], T: [7, 2, 2, 2, 2], Z: [7, 1, 2, 4, 7], X: [5, 5, 2, 5, 5], M: [5, 7, 7, 5, 5],
  O: [7, 5, 5, 5, 7], V: [5, 5, 5, 5, 2], E: [7, 4, 6, 4, 7], '.': [0, 0, 0, 0, 2], '+': [0, 2, 7, 2, 0],
  '-': [0, 0, 7, 0, 0], ' ': [0, 0, 0, 0, 0],
};

function glyphBit(character: string, column: number, row: number): boolean {
  const glyph = GLYPHS[character];
  return glyph !== undefined && (((glyph[row] ?? 0) >> (2 - column)) & 1) === 1;
}

/** A stable pseudo-random number 0..255 for a block, so each block keeps its shade and colour. */
function blockHash(column: number, row: number): number {
  let h = (column * 374761393 + row * 668265263) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  return (h ^ (h >>> 16)) & 255;
}

/** Which block a world coordinate falls in, and where inside it (degrees from the block's corner). */
function locate(degrees: number, origin: number): { index: number; offset: number } {
  const shifted = degrees + origin;
  const index = Math.floor(shifted / BLOCK_DEGREES);
  return { index, offset: shifted - index * BLOCK_DEGREES };
}

/** The luma of one world point: roads, block shade with a window texture, the block's number. */
function sceneLuma(column: number, fx: number, row: number, fy: number): number {
  if (row < 0 || row >= (2 * WORLD_TOP) / BLOCK_DEGREES) return 40;
  if (fx < ROAD_DEGREES || fy < ROAD_DEGREES) {
    // A dashed centre line along each road, so roads show movement too.
    const onLine = (fx < ROAD_DEGREES && Math.abs(fx - 1) < 0.08 && Math.floor(fy) % 2 === 0)
      || (fy < ROAD_DEGREES && Math.abs(fy - 1) < 0.08 && Math.floor(fx) % 2 === 0);
    return onLine ? 230 : 70;
  }
  const wrapped = ((column % COLUMNS) + COLUMNS) % COLUMNS;
  const number = String(row * COLUMNS + wrapped + 1);
  // The number in a font of 0.6-degree cells, centred in the block.
  const cell = 0.6;
  const labelWidth = (number.length * 4 - 1) * cell;
  const lx = fx - ROAD_DEGREES - ((BLOCK_DEGREES - ROAD_DEGREES) - labelWidth) / 2;
  const ly = fy - ROAD_DEGREES - ((BLOCK_DEGREES - ROAD_DEGREES) - 5 * cell) / 2;
  if (lx >= 0 && ly >= 0 && lx < labelWidth && ly < 5 * cell) {
    const gx = Math.floor(lx / cell);
    const character = number[Math.floor(gx / 4)] ?? ' ';
    if (gx % 4 < 3 && glyphBit(character, gx % 4, Math.floor(ly / cell))) return 16;
    return 235;
  }
  const shade = 110 + (blockHash(wrapped, row) % 80);
  const windows = (Math.floor(fx * 2) + Math.floor(fy * 2)) % 2 === 0 ? 12 : -12;
  return shade + windows;
}

/** Writes `text` into the luma plane at (x, y) in `scale`-pixel cells, on a dark box. */
function drawText(luma: Uint8Array, text: string, x: number, y: number, scale: number): void {
  const { width } = PTZ_FRAME;
  const boxWidth = (text.length * 4 + 1) * scale;
  const boxHeight = 7 * scale;
  for (let row = 0; row < boxHeight; row++) {
    for (let column = 0; column < boxWidth; column++) {
      const gx = Math.floor(column / scale) - 1;
      const gy = Math.floor(row / scale) - 1;
      const character = text[Math.floor(gx / 4)] ?? ' ';
      const on = gx >= 0 && gy >= 0 && gy < 5 && gx % 4 < 3 && glyphBit(character, gx % 4, gy);
      luma[(y + row) * width + x + column] = on ? 240 : 20;
    }
  }
}

/** The position as the picture states it, e.g. "P +012.5 T -04.0 Z 2.0X". */
export function positionCaption(view: PtzView): string {
  const signed = (value: number, digits: number) => `${value < 0 ? '-' : '+'}${Math.abs(value).toFixed(1).padStart(digits + 2, '0')}`;
  return `P ${signed(view.pan, 3)} T ${signed(view.tilt, 2)} Z ${view.zoom.toFixed(1)}X`;
}

/** Draws the camera's view of the city for `view` into a YUV 4:2:0 frame of PTZ_FRAME_BYTES. */
export function drawPtzFrame(frame: Uint8Array, view: PtzView): void {
  const { width, height } = PTZ_FRAME;
  const fieldH = WIDE_FIELD_OF_VIEW / view.zoom;
  const degreesPerPixel = fieldH / width;
  // Block and offset depend on x alone for columns and y alone for rows: look them up per line.
  const columns = Array.from({ length: width }, (_, x) => locate(view.pan + (x - width / 2) * degreesPerPixel, 180));
  const rows = Array.from({ length: height }, (_, y) => locate(-(view.tilt - (y - height / 2) * degreesPerPixel), WORLD_TOP));
  for (let y = 0; y < height; y++) {
    const row = rows[y] as { index: number; offset: number };
    const base = y * width;
    for (let x = 0; x < width; x++) {
      const column = columns[x] as { index: number; offset: number };
      frame[base + x] = sceneLuma(column.index, column.offset, row.index, row.offset);
    }
  }
  // Chroma at half resolution: each block a faint colour of its own, roads neutral.
  const chromaWidth = width / 2;
  const chromaHeight = height / 2;
  const uPlane = width * height;
  const vPlane = uPlane + chromaWidth * chromaHeight;
  for (let cy = 0; cy < chromaHeight; cy++) {
    const row = rows[cy * 2] as { index: number; offset: number };
    for (let cx = 0; cx < chromaWidth; cx++) {
      const column = columns[cx * 2] as { index: number; offset: number };
      const road = column.offset < ROAD_DEGREES || row.offset < ROAD_DEGREES;
      const hue = blockHash(((column.index % COLUMNS) + COLUMNS) % COLUMNS, row.index);
      const index = cy * chromaWidth + cx;
      frame[uPlane + index] = road ? 128 : 128 + ((hue & 15) - 8) * 4;
      frame[vPlane + index] = road ? 128 : 128 + (((hue >> 4) & 15) - 8) * 4;
    }
  }
  // A centre mark for click-to-centre, then the position and the move in the corner.
  for (let d = -12; d <= 12; d++) {
    frame[(height / 2) * width + width / 2 + d] = 255;
    frame[(height / 2 + d) * width + width / 2] = 255;
  }
  drawText(frame, positionCaption(view), 8, height - 40, 4);
  if (view.moving) drawText(frame, 'MOVE', width - 8 - 17 * 4, height - 40, 4);
}
