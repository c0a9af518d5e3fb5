import { screenCondition, type HealthEntry, type HealthList, type HealthReport } from '../../protocol/health.js';

interface Stored {
  workstationId: string;
  report: HealthReport;
  receivedAt: number;
}

/** Entries older than this are dropped (a screen removed from the wall). */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/**
 * The latest health report of every screen of every workstation, kept in memory: the picture
 * is rebuilt within seconds of a restart, since every screen reports every few seconds.
 */
export class HealthStore {
  private readonly entries = new Map<string, Stored>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps a screen's report, replacing its previous one. */
  put(workstationId: string, report: HealthReport): void {
    this.entries.set(`${workstationId}\u0000${report.wallId}\u0000${report.screenId}`, { workstationId, report, receivedAt: this.now() });
    for (const listener of this.listeners) listener();
  }

  /** Every screen's latest report with its condition, by workstation then wall then screen. */
  list(): HealthList {
    const now = this.now();
    for (const [key, stored] of this.entries) if (now - stored.receivedAt > FORGET_AFTER_MS) this.entries.delete(key);
    const entries: HealthEntry[] = [...this.entries.values()]
      .map((stored) => ({
        workstationId: stored.workstationId,
        report: stored.report,
        receivedAt: new Date(stored.receivedAt).toISOString(),
        condition: screenCondition(stored.report, now - stored.receivedAt),
      }))
      .sort((a, b) => a.workstationId.localeCompare(b.workstationId) || a.report.wallId.localeCompare(b.report.wallId) || a.report.screenId.localeCompare(b.report.screenId));
    return { entries, at: new Date(now).toISOString() };
  }

  /** Calls `listener` after every report; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
