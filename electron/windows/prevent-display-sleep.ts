/** The part of Electron's powerSaveBlocker used here; injected so tests need no Electron. */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
  stop(id: number): boolean;
  isStarted(id: number): boolean;
}

/** Keeps the displays awake while enabled; enabling or disabling twice does nothing more. */
export class PreventDisplaySleepService {
  private blockerId: number | null = null;

  constructor(private readonly powerSaveBlocker: PowerSaveBlockerLike) {}

  /** Turns display sleep prevention on or off. */
  setEnabled(enabled: boolean): void {
    const running = this.blockerId !== null && this.powerSaveBlocker.isStarted(this.blockerId);
    if (enabled && !running) this.blockerId = this.powerSaveBlocker.start('prevent-display-sleep');
    if (!enabled && this.blockerId !== null) {
      if (running) this.powerSaveBlocker.stop(this.blockerId);
      this.blockerId = null;
    }
  }

  get enabled(): boolean {
    return this.blockerId !== null && this.powerSaveBlocker.isStarted(this.blockerId);
  }
}
