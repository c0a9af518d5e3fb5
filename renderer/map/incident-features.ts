/**
 * Incidents as GeoJSON features for the map's clustered source, and the smallest change that
 * brings the source from one set of incidents to the next. Pure: no DOM, no map library.
 */
import type { Incident, IncidentCategory, IncidentSeverity, IncidentStatus } from '../../protocol/incidents.js';
import { severityRank, statusRank } from '../../protocol/incidents.js';
import type { MapStrings } from './strings.js';

export type IncidentFeatureProperties = {
  id: string;
  category: IncidentCategory;
  severity: IncidentSeverity;
  severityRank: number;
  status: IncidentStatus;
  statusRank: number;
  /** The image drawn for it: its category's pictogram on its severity's shape and colour. */
  icon: string;
  /** What the pin says in words: severity, category and status, so colour is never alone. */
  label: string;
  title: string;
  /** Last update, epoch seconds: the fading reads it against the map's clock. */
  updatedAtS: number;
  /** 1 for critical, so cluster properties can count them. */
  critical: number;
};

export type IncidentFeature = {
  type: 'Feature';
  id: string;
  properties: IncidentFeatureProperties;
  geometry: { type: 'Point'; coordinates: [number, number] };
};

/** The name of the image for a category on a severity, as incident-icons.ts registers them. */
export function incidentIconName(category: IncidentCategory, severity: IncidentSeverity): string {
  return `incident-${category}-${severity}`;
}

/** One incident as a map feature, with its words in the room's language. */
export function incidentFeature(incident: Incident, strings: MapStrings): IncidentFeature {
  return {
    type: 'Feature',
    id: incident.id,
    properties: {
      id: incident.id,
      category: incident.category,
      severity: incident.severity,
      severityRank: severityRank(incident.severity),
      status: incident.status,
      statusRank: statusRank(incident.status),
      icon: incidentIconName(incident.category, incident.severity),
      label: `${strings.severity[incident.severity]} · ${strings.category[incident.category]}\n${strings.status[incident.status]}`,
      title: incident.title,
      updatedAtS: Math.round(Date.parse(incident.updatedAt) / 1000),
      critical: incident.severity === 'critical' ? 1 : 0,
    },
    geometry: { type: 'Point', coordinates: [incident.location.longitude, incident.location.latitude] },
  };
}

/** The whole set as a FeatureCollection, for the source's first data. */
export function incidentCollection(incidents: readonly Incident[], strings: MapStrings): { type: 'FeatureCollection'; features: IncidentFeature[] } {
  return { type: 'FeatureCollection', features: incidents.map((incident) => incidentFeature(incident, strings)) };
}

/** What the map shows of an incident; a change to anything else does not touch the map. */
function fingerprint(incident: Incident): string {
  const { location } = incident;
  return `${incident.updatedAt}|${incident.status}|${incident.severity}|${incident.category}|${location.longitude}|${location.latitude}|${incident.title}`;
}

export type IncidentSourceDiff = { add: IncidentFeature[]; remove: string[] };

/**
 * Compares the incidents the source holds with the next ones and returns the features to put
 * (new or changed: a put replaces a feature with the same id) and the ids to remove, plus the
 * new memory. The same objects are recognised at once, which is what the incident store hands
 * over for incidents that did not change.
 */
export function diffIncidents(
  previous: ReadonlyMap<string, Incident>,
  next: readonly Incident[],
  strings: MapStrings,
): { diff: IncidentSourceDiff; memory: Map<string, Incident> } {
  const memory = new Map<string, Incident>();
  const add: IncidentFeature[] = [];
  for (const incident of next) {
    memory.set(incident.id, incident);
    const before = previous.get(incident.id);
    if (before === incident) continue;
    if (before && fingerprint(before) === fingerprint(incident)) continue;
    add.push(incidentFeature(incident, strings));
  }
  const remove = [...previous.keys()].filter((id) => !memory.has(id));
  return { diff: { add, remove }, memory };
}

/** True when a diff changes nothing. */
export function isEmptyDiff(diff: IncidentSourceDiff): boolean {
  return diff.add.length === 0 && diff.remove.length === 0;
}
