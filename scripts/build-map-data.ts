/**
 * Builds the offline base map's data in assets/map/ from the open boundary data of Surakarta
 * (../shared/data/surakarta, see its SOURCE.md): `tsx scripts/build-map-data.ts [SOURCE_DIR]`.
 *
 * - surakarta-boundaries.json: one FeatureCollection with a `level` on every feature (`mask`,
 *   `kota`, `kecamatan`, `kelurahan`), so one GeoJSON source feeds every boundary layer.
 * - surakarta-labels.json: label points; a kelurahan whose published centroid lies outside its
 *   own polygon (Gajahan) gets an interior point instead.
 * - fonts/: the label font (Atkinson Hyperlegible, OFL) copied from @fontsource, because the
 *   style draws text from font files (maplibre `font-faces`) instead of glyph PBFs.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Ring = [number, number][];
type Properties = Record<string, unknown>;
type PolygonFeature = { type: 'Feature'; properties: Properties; geometry: { type: 'Polygon'; coordinates: Ring[] } };
type PointFeature = { type: 'Feature'; properties: Properties; geometry: { type: 'Point'; coordinates: [number, number] } };
type Collection<F> = { type: 'FeatureCollection'; features: F[] };

const sourceDir = process.argv[2] ?? '../shared/data/surakarta';
const outDir = 'assets/map';
const ATTRIBUTION = 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT)';

function read<F>(file: string): Collection<F> {
  return JSON.parse(readFileSync(join(sourceDir, file), 'utf8')) as Collection<F>;
}

// 6 decimals is about 0.1 m: far below the data's own accuracy (tens of metres), and smaller files.
const round = (value: number) => Math.round(value * 1e6) / 1e6;
const roundRing = (ring: Ring): Ring => ring.map(([lon, lat]) => [round(lon), round(lat)]);

function polygon(properties: Properties, rings: Ring[]): PolygonFeature {
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: rings.map(roundRing) } };
}

/** An element that must exist: the input files are known, so a missing one is a broken build. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`missing item ${index}`);
  return item;
}

/** Ray casting: whether a point lies inside a ring. */
function insideRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = at(ring, i);
    const [xj, yj] = at(ring, j);
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment([px, py]: [number, number], [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The point of a 40x40 grid over the ring that lies inside it and farthest from its edge: good enough for a label. */
function interiorPoint(ring: Ring): [number, number] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best: [number, number] = at(ring, 0);
  let bestDistance = -1;
  for (let i = 1; i < 40; i++) {
    for (let j = 1; j < 40; j++) {
      const candidate: [number, number] = [minX + ((maxX - minX) * i) / 40, minY + ((maxY - minY) * j) / 40];
      if (!insideRing(candidate, ring)) continue;
      let distance = Infinity;
      for (let k = 1; k < ring.length; k++) distance = Math.min(distance, distanceToSegment(candidate, at(ring, k - 1), at(ring, k)));
      if (distance > bestDistance) [best, bestDistance] = [candidate, distance];
    }
  }
  return best;
}

const kota = read<PolygonFeature>('surakarta_kota.geojson').features;
const kecamatan = read<PolygonFeature>('surakarta_kecamatan.geojson').features;
const kelurahan = read<PolygonFeature>('surakarta_kelurahan.geojson').features;
const labels = read<PointFeature>('surakarta_labels.geojson').features;

const cityOutline = at(at(kota, 0).geometry.coordinates, 0);
// The world outside the city, dimmed by the style so the city reads as the subject. The hole is the
// city outline reversed (clockwise), as RFC 7946 wants for holes.
const outside: Ring = [[100, -17], [122, -17], [122, 3], [100, 3], [100, -17]];
const boundaries: Collection<PolygonFeature> = {
  type: 'FeatureCollection',
  features: [
    polygon({ level: 'mask' }, [outside, [...cityOutline].reverse()]),
    ...kota.map((feature) => polygon({ level: 'kota', kode: feature.properties.kode, nama: feature.properties.nama }, feature.geometry.coordinates)),
    ...kecamatan.map((feature) => polygon({ level: 'kecamatan', kode: feature.properties.kode, nama: feature.properties.nama }, feature.geometry.coordinates)),
    ...kelurahan.map((feature) =>
      polygon(
        { level: 'kelurahan', kode: feature.properties.kode, nama: feature.properties.nama, kode_kec: feature.properties.kode_kec, nama_kec: feature.properties.nama_kec },
        feature.geometry.coordinates,
      ),
    ),
  ],
};

const kelurahanByCode = new Map(kelurahan.map((feature) => [feature.properties.kode, feature]));
let moved = 0;
const labelPoints: Collection<PointFeature> = {
  type: 'FeatureCollection',
  features: labels.map((label) => {
    let coordinates = label.geometry.coordinates;
    const area = label.properties.level === 'kelurahan' ? kelurahanByCode.get(label.properties.kode) : undefined;
    const outerRing = area ? at(area.geometry.coordinates, 0) : undefined;
    if (outerRing && !insideRing(coordinates, outerRing)) {
      coordinates = interiorPoint(outerRing);
      moved++;
    }
    return {
      type: 'Feature',
      properties: { level: label.properties.level, kode: label.properties.kode, nama: label.properties.nama },
      geometry: { type: 'Point', coordinates: [round(coordinates[0]), round(coordinates[1])] },
    };
  }),
};

mkdirSync(join(outDir, 'fonts'), { recursive: true });
writeFileSync(join(outDir, 'surakarta-boundaries.json'), JSON.stringify(boundaries) + '\n');
writeFileSync(join(outDir, 'surakarta-labels.json'), JSON.stringify(labelPoints) + '\n');
const fontPackage = 'node_modules/@fontsource/atkinson-hyperlegible';
for (const weight of ['400', '700']) {
  copyFileSync(join(fontPackage, 'files', `atkinson-hyperlegible-latin-${weight}-normal.woff2`), join(outDir, 'fonts', `atkinson-hyperlegible-latin-${weight}-normal.woff2`));
}
copyFileSync(join(fontPackage, 'LICENSE'), join(outDir, 'fonts', 'OFL-LICENSE.txt'));
console.log(
  `${outDir}: ${boundaries.features.length} boundary features, ${labelPoints.features.length} labels (${moved} moved inside their kelurahan), fonts; attribution "${ATTRIBUTION}"`,
);
