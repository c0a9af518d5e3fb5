import {
  IncidentIngestSchema,
  type IncidentCategory,
  type IncidentSeverity,
  type IncidentStatus,
  type ReportChannel,
  type ResponseAgency,
} from '../../protocol/incidents.js';
import { alongCourse, offsetMetres, roundCoordinate } from './geo-offsets.js';
import type { IncidentService } from './incident-service.js';
import { gaussian, pick, pickWeighted, seededRandom, type RandomSource } from './seeded-random.js';
import { ACCIDENT_HOTSPOTS, LANDMARKS, type LatLon } from './solo-places.js';

export interface IncidentSimulatorOptions {
  /** The same seed and the same number of steps give the same incidents. Default: from the clock. */
  seed?: number;
  /** Events (new incidents, status changes, alerts) per minute. Default 12. */
  eventsPerMinute?: number;
  /** Open incidents the simulator tops up to at start so the wall is not empty. Default 8. */
  initialIncidents?: number;
  /** Cameras the simulator may report offline and back. */
  cameras?: () => readonly { id: string; name: string }[];
}

/** What one step did, for logs and tests. */
export type SimulatedEvent =
  | { kind: 'new-incident'; incidentId: string }
  | { kind: 'status'; incidentId: string; status: IncidentStatus }
  | { kind: 'escalated'; incidentId: string; severity: IncidentSeverity }
  | { kind: 'camera-offline' | 'camera-restored'; cameraId: string }
  | { kind: 'idle' };

interface Scenario {
  category: IncidentCategory;
  share: number;
  titles: readonly string[];
  channels: readonly ReportChannel[];
  severities: readonly IncidentSeverity[];
  agencies: readonly ResponseAgency[];
  /** On the accident-prone roads, or at a landmark. */
  where: 'hotspot' | 'landmark';
}

const SCENARIOS: readonly Scenario[] = [
  {
    category: 'traffic-accident',
    share: 30,
    titles: ['Tabrakan motor dan mobil', 'Motor tergelincir', 'Tabrakan beruntun', 'Pejalan kaki tertabrak', 'Truk mogok melintang'],
    channels: ['112', 'cctv-operator', 'patrol', 'panic-button'],
    severities: ['low', 'medium', 'medium', 'high', 'critical'],
    agencies: ['police', 'ambulance'],
    where: 'hotspot',
  },
  {
    category: 'congestion',
    share: 14,
    titles: ['Kemacetan panjang', 'Lampu lalu lintas mati', 'Antrean kendaraan di perlintasan kereta'],
    channels: ['cctv-operator', 'patrol'],
    severities: ['low', 'low', 'medium'],
    agencies: ['transport'],
    where: 'hotspot',
  },
  {
    category: 'crime',
    share: 12,
    titles: ['Pencurian sepeda motor', 'Penjambretan', 'Perkelahian', 'Pencurian di toko'],
    channels: ['112', 'panic-button', 'patrol'],
    severities: ['medium', 'high', 'high'],
    agencies: ['police'],
    where: 'landmark',
  },
  {
    category: 'fire',
    share: 7,
    titles: ['Kebakaran rumah', 'Kebakaran kios pasar', 'Kebakaran lahan kosong'],
    channels: ['112', 'cctv-operator'],
    severities: ['medium', 'high', 'critical'],
    agencies: ['fire', 'ambulance'],
    where: 'landmark',
  },
  {
    category: 'panic-button',
    share: 12,
    titles: ['Tombol panik ditekan (Solo Destination)'],
    channels: ['panic-button'],
    severities: ['high', 'critical'],
    agencies: ['police'],
    where: 'landmark',
  },
  {
    category: 'citizen-complaint',
    share: 17,
    titles: ['Lampu jalan padam', 'Sampah menumpuk', 'Parkir liar', 'Jalan berlubang', 'Pohon tumbang'],
    channels: ['e-lapor'],
    severities: ['low', 'low', 'medium'],
    agencies: ['transport', 'police'],
    where: 'landmark',
  },
  {
    category: 'public-order',
    share: 8,
    titles: ['Kerumunan massa', 'Balap liar', 'Pengamen memaksa', 'Unjuk rasa'],
    channels: ['patrol', 'cctv-operator', '112'],
    severities: ['low', 'medium', 'high'],
    agencies: ['police'],
    where: 'landmark',
  },
];

const NEXT_STATUS: Partial<Record<IncidentStatus, IncidentStatus>> = { new: 'verified', verified: 'dispatched', dispatched: 'handled', handled: 'closed' };
const STATUS_NOTES: Record<IncidentStatus, readonly string[]> = {
  new: ['Laporan masuk'],
  verified: ['Operator CCTV memastikan kejadian', 'Dikonfirmasi oleh petugas patroli', 'Pelapor dihubungi kembali'],
  dispatched: ['Unit menuju lokasi', 'Petugas terdekat diberangkatkan'],
  handled: ['Petugas tiba di lokasi', 'Situasi terkendali', 'Korban dievakuasi'],
  closed: ['Kejadian selesai ditangani', 'Laporan ditutup'],
};
const SEVERITY_ORDER: readonly IncidentSeverity[] = ['low', 'medium', 'high', 'critical'];
const SOURCE = 'simulator';

function placeFor(random: RandomSource, scenario: Scenario): { at: LatLon; address: string } {
  if (scenario.where === 'hotspot') {
    const hotspot = pickWeighted(random, ACCIDENT_HOTSPOTS, (spot) => spot.weight);
    const spread = hotspot.course.length === 1 ? 25 : 10;
    const centre = alongCourse(hotspot.course, random());
    return { at: offsetMetres(centre, gaussian(random) * spread, gaussian(random) * spread), address: hotspot.name };
  }
  const landmark = pick(random, LANDMARKS);
  return { at: offsetMetres(landmark.at, gaussian(random) * 60, gaussian(random) * 60), address: `${landmark.name}, ${landmark.address}` };
}

/** Feeds a believable flow of Solo incidents, status changes and alerts into an IncidentService. */
export class IncidentSimulator {
  private readonly random: RandomSource;
  private readonly open: string[] = [];
  private readonly offlineCameras = new Set<string>();
  private created = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly service: IncidentService,
    private readonly options: IncidentSimulatorOptions = {},
  ) {
    this.random = seededRandom(options.seed ?? Date.now());
  }

  /**
   * Takes over the simulated incidents the service restored, tops the open ones up to
   * `initialIncidents`, then performs one event every 60 / eventsPerMinute seconds until stop().
   */
  start(): void {
    if (this.timer) return;
    this.adoptRestored();
    while (this.open.length < (this.options.initialIncidents ?? 8)) {
      if (this.createIncident().kind === 'idle') break;
    }
    const intervalMs = 60_000 / Math.max(0.1, this.options.eventsPerMinute ?? 12);
    this.timer = setInterval(() => this.step(), intervalMs);
    // The simulator never keeps the process alive on its own.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Performs one event, chosen at random; deterministic for a seed. */
  step(): SimulatedEvent {
    this.forgetFinished();
    const roll = this.random();
    if (this.open.length < 3 || roll < 0.35) return this.createIncident();
    if (roll < 0.85) return this.progressIncident();
    if (roll < 0.93) return this.escalateIncident();
    return this.toggleCamera();
  }

  private createIncident(): SimulatedEvent {
    const scenario = pickWeighted(this.random, SCENARIOS, (entry) => entry.share);
    const { at, address } = placeFor(this.random, scenario);
    const severity = pick(this.random, scenario.severities);
    const report = IncidentIngestSchema.parse({
      source: SOURCE,
      sourceId: `sim-${++this.created}`,
      category: scenario.category,
      severity,
      title: pick(this.random, scenario.titles),
      location: { latitude: roundCoordinate(at[0]), longitude: roundCoordinate(at[1]) },
      address,
      reportedVia: pick(this.random, scenario.channels),
    });
    const outcome = this.service.ingestIncident(report);
    if (!outcome.ok) return { kind: 'idle' };
    this.open.push(outcome.incident.id);
    return { kind: 'new-incident', incidentId: outcome.incident.id };
  }

  private progressIncident(): SimulatedEvent {
    const incidentId = pick(this.random, this.open);
    const incident = this.service.incident(incidentId);
    const status = incident ? NEXT_STATUS[incident.status] : undefined;
    if (!incident || !status) return { kind: 'idle' };
    const scenario = SCENARIOS.find((entry) => entry.category === incident.category);
    const agency = status === 'dispatched' && scenario ? { assignedAgency: pick(this.random, scenario.agencies) } : {};
    this.service.updateIncident(incidentId, { status, note: pick(this.random, STATUS_NOTES[status]), ...agency });
    return { kind: 'status', incidentId, status };
  }

  private escalateIncident(): SimulatedEvent {
    const incidentId = pick(this.random, this.open);
    const incident = this.service.incident(incidentId);
    const next = incident ? SEVERITY_ORDER[SEVERITY_ORDER.indexOf(incident.severity) + 1] : undefined;
    if (!incident || !next || incident.status === 'handled') return { kind: 'idle' };
    this.service.updateIncident(incidentId, { severity: next, note: 'Laporan susulan: situasi memburuk' });
    return { kind: 'escalated', incidentId, severity: next };
  }

  private toggleCamera(): SimulatedEvent {
    const cameras = this.options.cameras?.() ?? [];
    if (cameras.length === 0) return { kind: 'idle' };
    const camera = pick(this.random, cameras);
    const cameraId = camera.id;
    if (this.offlineCameras.delete(cameraId)) {
      this.service.raiseAlert({ priority: 'low', kind: 'camera-restored', text: `Kamera ${camera.name} kembali tersambung`, cameraId });
      return { kind: 'camera-restored', cameraId };
    }
    this.offlineCameras.add(cameraId);
    this.service.raiseAlert({ priority: 'medium', kind: 'camera-offline', text: `Kamera ${camera.name} terputus`, cameraId });
    return { kind: 'camera-offline', cameraId };
  }

  /**
   * After a server restart the store still holds the simulator's incidents from before. The
   * open ones go back on its list, so they progress to closed and get pruned like the rest
   * instead of staying open for ever (each restart would add more), and new source ids follow
   * the highest one seen, so a new incident never lands on an old one's de-duplication.
   */
  private adoptRestored(): void {
    for (const incident of this.service.snapshot().incidents) {
      if (incident.source !== SOURCE) continue;
      const number = /^sim-(\d+)$/.exec(incident.sourceId)?.[1];
      if (number !== undefined) this.created = Math.max(this.created, Number(number));
      if (incident.status !== 'closed' && !this.open.includes(incident.id)) this.open.push(incident.id);
    }
  }

  private forgetFinished(): void {
    for (let index = this.open.length - 1; index >= 0; index--) {
      const incident = this.service.incident(this.open[index] as string);
      if (!incident || incident.status === 'closed') this.open.splice(index, 1);
    }
  }
}
