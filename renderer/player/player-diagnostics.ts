import { framesReleasedPromptly } from './engines/mpegts-prompt-frames.js';

/**
 * Counts of what the players hold right now: tile players (one per playing tile and standby
 * slot) and streaming engines (an mpegts.js or hls.js player each). Read by tests and benches
 * through `window.pantauDiagnostics` to prove nothing is left behind after layout switches, and
 * by health reports.
 */
export const playerDiagnostics = {
  tilePlayers: 0,
  engines: 0,
  enginesCreated: 0,
};

/** Makes the counts readable from outside the page's modules (tests, benches, the Electron health report). */
export function exposePlayerDiagnostics(target: { pantauDiagnostics?: unknown }): void {
  target.pantauDiagnostics = {
    // promptFrames: mpegts.js's remuxer releases frames as they arrive (mpegts-prompt-frames.ts).
    players: () => ({ ...playerDiagnostics, videoElements: document.querySelectorAll('video').length, promptFrames: framesReleasedPromptly() }),
  };
}
