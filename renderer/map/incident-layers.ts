/**
 * The map's own sources and layers on top of the base style: accident heatmap, camera cones and
 * points, incident clusters and pins. Pure data (maplibre style JSON), so tests can read it.
 */
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { IncidentStatus } from '../../protocol/incidents.js';
import { fadeOpacityExpression } from './incident-fading.js';
import type { MapStrings } from './strings.js';

export const SOURCE = { incidents: 'pantau-incidents', cameras: 'pantau-cameras', cones: 'pantau-camera-cones', accidents: 'pantau-accident-history' } as const;
export const LAYER = {
  heatmap: 'pantau-accident-heatmap',
  cones: 'pantau-camera-cones',
  coneOutlines: 'pantau-camera-cone-outlines',
  cameras: 'pantau-cameras',
  clusters: 'pantau-incident-clusters',
  clusterCounts: 'pantau-incident-cluster-counts',
  statusRings: 'pantau-incident-status',
  pins: 'pantau-incident-pins',
} as const;

/** Severity colours, low to critical: hue and shape both change (see incident-icons.ts). */
export const SEVERITY_COLOURS = ['#4aa3df', '#f2c230', '#f07c1e', '#ff3b4e'] as const;

/** Status ring colour and width: a new incident has the loudest ring, a closed one a faint one. */
export const STATUS_RING: Record<IncidentStatus, { colour: string; width: number }> = {
  new: { colour: '#ffffff', width: 3.5 },
  verified: { colour: '#7fd1ff', width: 2.5 },
  dispatched: { colour: '#5b8cff', width: 2.5 },
  handled: { colour: '#5fd38d', width: 2 },
  closed: { colour: '#6b7785', width: 1 },
};

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/** The incident source: clustered, keyed by incident id so updates can touch single features. */
export function incidentSource(clusterMaxZoom: number, clusterRadius: number): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: EMPTY,
    cluster: true,
    clusterMaxZoom,
    clusterRadius,
    promoteId: 'id',
    clusterProperties: {
      critical: ['+', ['get', 'critical']],
      maxSeverity: ['max', ['get', 'severityRank']],
    },
  };
}

export function plainSource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: EMPTY };
}

const severityColour = (rank: unknown[]) => ['match', rank, 0, SEVERITY_COLOURS[0], 1, SEVERITY_COLOURS[1], 2, SEVERITY_COLOURS[2], SEVERITY_COLOURS[3]];
const statusMatch = (pick: (ring: { colour: string; width: number }) => string | number) => [
  'match',
  ['get', 'status'],
  ...(Object.entries(STATUS_RING) as [IncidentStatus, { colour: string; width: number }][]).flatMap(([status, ring]) => [status, pick(ring)]),
  pick(STATUS_RING.closed),
];

/** Every layer the map adds, bottom to top. */
export function incidentMapLayers(strings: MapStrings): LayerSpecification[] {
  const fade = fadeOpacityExpression();
  const unclustered = ['!', ['has', 'point_count']];
  const layers: unknown[] = [
    {
      id: LAYER.heatmap,
      type: 'heatmap',
      source: SOURCE.accidents,
      layout: { visibility: 'none' },
      paint: {
        'heatmap-weight': ['interpolate', ['linear'], ['get', 'weight'], 0, 0, 4, 1],
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 16, 1.6],
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 11, 10, 14, 24, 17, 48],
        'heatmap-opacity': 0.75,
        'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(0,0,0,0)', 0.15, '#3b1f5c', 0.4, '#8a2a6b', 0.65, '#d9483b', 0.9, '#ffb347', 1, '#fff2a8'],
      },
    },
    {
      id: LAYER.cones,
      type: 'fill',
      source: SOURCE.cones,
      minzoom: 13,
      paint: { 'fill-color': '#7fd1ff', 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.04, 16, 0.14] },
    },
    {
      id: LAYER.coneOutlines,
      type: 'line',
      source: SOURCE.cones,
      minzoom: 13,
      paint: { 'line-color': '#7fd1ff', 'line-opacity': 0.45, 'line-width': 1 },
    },
    {
      id: LAYER.cameras,
      type: 'symbol',
      source: SOURCE.cameras,
      minzoom: 12,
      layout: {
        'icon-image': 'pantau-camera',
        'icon-size': ['interpolate', ['linear'], ['zoom'], 12, 0.6, 16, 1],
        'icon-allow-overlap': true,
        'text-field': ['step', ['zoom'], '', 14.5, ['get', 'name']],
        'text-font': ['Atkinson Hyperlegible Regular'],
        'text-size': 12,
        'text-offset': [0, 1.4],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': '#cfe6ff', 'text-halo-color': '#080c11', 'text-halo-width': 1.5 },
    },
    {
      id: LAYER.clusters,
      type: 'circle',
      source: SOURCE.incidents,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': severityColour(['get', 'maxSeverity']),
        'circle-opacity': 0.85,
        // A cluster with critical incidents is larger, so its second line ("3 KRITIS") fits.
        'circle-radius': ['+', ['step', ['get', 'point_count'], 16, 10, 20, 100, 26, 1000, 32], ['case', ['>', ['get', 'critical'], 0], 8, 0]],
        'circle-stroke-color': '#080c11',
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYER.clusterCounts,
      type: 'symbol',
      source: SOURCE.incidents,
      filter: ['has', 'point_count'],
      layout: {
        // The count, and how many of them are critical in words: a red cluster says why.
        'text-field': [
          'case',
          ['>', ['get', 'critical'], 0],
          ['format', ['get', 'point_count_abbreviated'], {}, '\n', {}, ['concat', ['to-string', ['get', 'critical']], ' ', strings.severity.critical], { 'font-scale': 0.75 }],
          ['get', 'point_count_abbreviated'],
        ],
        'text-font': ['Atkinson Hyperlegible Bold'],
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#0b0f14' },
    },
    {
      id: LAYER.statusRings,
      type: 'circle',
      source: SOURCE.incidents,
      filter: unclustered,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 11, 17, 17],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': statusMatch((ring) => ring.colour),
        'circle-stroke-width': statusMatch((ring) => ring.width),
        'circle-stroke-opacity': fade,
      },
    },
    {
      id: LAYER.pins,
      type: 'symbol',
      source: SOURCE.incidents,
      filter: unclustered,
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 12, 0.55, 17, 0.85],
        'icon-allow-overlap': true,
        'symbol-sort-key': ['-', 3, ['get', 'severityRank']],
        // Words for high and critical pins from zoom 14, for every pin from zoom 16: thousands of
        // labels that collide away still cost their glyphs' vertices every frame (software WebGL).
        'text-field': ['step', ['zoom'], '', 14, ['case', ['>=', ['get', 'severityRank'], 2], ['get', 'label'], ''], 16, ['get', 'label']],
        'text-font': ['Atkinson Hyperlegible Bold'],
        'text-size': 12,
        'text-offset': [0, 1.5],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: {
        'icon-opacity': fade,
        'text-opacity': fade,
        'text-color': ['match', ['get', 'severityRank'], 3, '#ffb3bb', '#e8eef5'],
        'text-halo-color': '#080c11',
        'text-halo-width': 1.5,
      },
    },
  ];
  return layers as LayerSpecification[];
}
