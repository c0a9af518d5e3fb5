/**
 * Keeps the map's incident source in step with the incidents it is given: changes are diffed,
 * gathered for a short window and sent as one `updateData` (only the features that changed), and
 * the updater reports when each batch is on screen.
 */
import type { EngineGeoJSONSource, EngineInstance, EngineMap } from './engine-map.js';
import type { Incident } from '../../protocol/incidents.js';
import { diffIncidents, incidentCollection, type IncidentFeature } from './incident-features.js';
import { anyStillWaiting, tilesAwaitingData } from './stale-tiles.js';
import type { MapStrings } from './strings.js';

export type BatchDrawn = { incidentIds: string[]; drawnAt: number };

export class IncidentSourceUpdater {
  private memory = new Map<string, Incident>();
  private pendingPut = new Map<string, IncidentFeature>();
  private pendingRemove = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  /** A batch handed over and not yet on screen: the next one waits for it (back-pressure). */
  private inFlight = false;

  private readonly map: EngineMap;

  constructor(
    private readonly instance: EngineInstance,
    private readonly sourceId: string,
    private readonly strings: MapStrings,
    private readonly batchMs: number,
    private readonly onDrawn?: (batch: BatchDrawn) => void,
  ) {
    this.map = instance.map;
  }

  /** Replaces the whole source (first data, or a change of language). */
  reset(incidents: readonly Incident[]): void {
    this.pendingPut.clear();
    this.pendingRemove.clear();
    this.memory = new Map(incidents.map((incident) => [incident.id, incident]));
    const applied = this.source()?.setData(incidentCollection(incidents, this.strings));
    if (!applied) return;
    this.inFlight = true;
    this.whenDrawn(applied, incidents.map((incident) => incident.id));
  }

  /** Takes the next full set of incidents; what changed is drawn within the batch window. */
  push(incidents: readonly Incident[]): void {
    const { diff, memory } = diffIncidents(this.memory, incidents, this.strings);
    this.memory = memory;
    for (const feature of diff.add) {
      this.pendingPut.set(feature.id, feature);
      this.pendingRemove.delete(feature.id);
    }
    for (const id of diff.remove) {
      this.pendingPut.delete(id);
      this.pendingRemove.add(id);
    }
    if (this.timer === null && (this.pendingPut.size > 0 || this.pendingRemove.size > 0)) {
      this.timer = setTimeout(() => this.flush(), this.batchMs);
    }
  }

  /**
   * Sends what is pending now, unless the previous batch is still being drawn: then it goes as
   * soon as that one is on screen. Handing maplibre a new update while the source's tiles are
   * still reloading for the last one restarts their reload, and a busy feed on a slow machine
   * would then keep every update off the screen.
   */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const source = this.source();
    if (!source || this.disposed || this.inFlight) return;
    const add = [...this.pendingPut.values()];
    const remove = [...this.pendingRemove];
    this.pendingPut.clear();
    this.pendingRemove.clear();
    if (add.length === 0 && remove.length === 0) return;
    this.inFlight = true;
    const applied = source.updateData({ add, remove }).catch(() =>
      // A source without ids for every feature cannot take a diff: it takes the whole set.
      source.setData(incidentCollection([...this.memory.values()], this.strings)),
    );
    this.whenDrawn(applied, [...add.map((feature) => feature.id), ...remove]);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private source(): EngineGeoJSONSource | undefined {
    return this.instance.source(this.sourceId);
  }

  /**
   * Reports the batch once drawn: the worker has applied it (the promise), which sets the tiles
   * it touches reloading, and then a frame is drawn with those tiles loaded (stale-tiles.ts; the
   * whole source loaded where the engine does not show its tiles). Then the next batch may go.
   * Bounded: after 10 s it stops waiting and lets the next one go.
   */
  private whenDrawn(applied: Promise<unknown>, incidentIds: string[]): void {
    const done = (drawn: boolean) => {
      this.inFlight = false;
      if (drawn) this.onDrawn?.({ incidentIds, drawnAt: performance.now() });
      if (!this.disposed && (this.pendingPut.size > 0 || this.pendingRemove.size > 0)) this.flush();
    };
    void applied.then(() => {
      const startedAt = performance.now();
      const marked = tilesAwaitingData(this.map, this.sourceId);
      const check = () => {
        if (this.disposed || performance.now() - startedAt > 10_000) {
          this.map.off('render', check);
          done(false);
        } else if (marked ? !anyStillWaiting(marked) : this.map.isSourceLoaded(this.sourceId)) {
          this.map.off('render', check);
          done(true);
        }
      };
      this.map.on('render', check);
      this.map.triggerRepaint();
    });
  }
}
