/**
 * Software WebGL (SwiftShader, llvmpipe: wall PCs without a GPU, VMs, remote desktops) rasterises
 * every pixel on the CPU, and a full-HD map then moves at 5-8 frames a second. While the map
 * moves, it is drawn at a lower pixel ratio (a quarter of the pixels at 0.5); once it has been
 * still for a moment it is drawn sharp again. Hardware WebGL is left alone.
 */

import { isSoftwareRenderer } from '../display/software-rendering.js';

export type MotionScaleEvent = { kind: 'move-start' } | { kind: 'move-end' } | { kind: 'settled' };

export type MotionScaleState = {
  moving: boolean;
  /** The ratio the map should be drawn at now. */
  ratio: number;
};

/**
 * The ratio to draw at after an event. `settled` comes a short while after the last move-end
 * (the caller's timer), so back-to-back moves do not flip the resolution between them.
 */
export function nextMotionScale(state: MotionScaleState, event: MotionScaleEvent, fullRatio: number, movingScale: number): MotionScaleState {
  switch (event.kind) {
    case 'move-start':
      return { moving: true, ratio: fullRatio * movingScale };
    case 'move-end':
      return { moving: false, ratio: state.ratio };
    case 'settled':
      return state.moving ? state : { moving: false, ratio: fullRatio };
  }
}

/** The few calls of a map this needs; a map that cannot change its pixel ratio is left as it is. */
export type ScalableMap = {
  on(type: 'movestart' | 'moveend', listener: () => void): unknown;
  off(type: 'movestart' | 'moveend', listener: () => void): unknown;
  setPixelRatio?(ratio: number): unknown;
  getCanvas(): HTMLCanvasElement;
};

/**
 * Draws the map at `movingScale` of its pixel ratio while it moves, when its WebGL is software;
 * returns the cleanup. `settleMs` is how long it must stay still before it is drawn sharp again.
 */
export function attachMotionRenderScale(map: ScalableMap, movingScale: number, settleMs = 250): () => void {
  // Read at each move, not once: a window moved to a monitor of another density changes it.
  const fullRatio = () => window.devicePixelRatio;
  const setPixelRatio = map.setPixelRatio?.bind(map);
  if (!setPixelRatio || movingScale >= 1) return () => undefined;
  const canvas = map.getCanvas();
  // The map's own context: getContext with its kind returns the existing one, never a new one.
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!isSoftwareRenderer(gl)) return () => undefined;
  let state: MotionScaleState = { moving: false, ratio: fullRatio() };
  let drawnRatio = state.ratio;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  // A pixel-ratio change resizes the map, and a resize of a still map fires move events of its own.
  let adjusting = false;
  // Applied on the next animation frame, not inside the event: a resize inside a camera's own
  // movestart, before the camera counts as moving, would stop the flight it belongs to.
  const applyLater = () => {
    if (frame !== null) return;
    frame = requestAnimationFrame(() => {
      frame = null;
      if (state.ratio === drawnRatio) return;
      drawnRatio = state.ratio;
      adjusting = true;
      try {
        setPixelRatio(drawnRatio);
      } finally {
        adjusting = false;
      }
    });
  };
  const apply = (event: MotionScaleEvent) => {
    if (adjusting) return;
    state = nextMotionScale(state, event, fullRatio(), movingScale);
    applyLater();
  };
  const onStart = () => {
    if (settleTimer !== null) clearTimeout(settleTimer);
    settleTimer = null;
    apply({ kind: 'move-start' });
  };
  const onEnd = () => {
    if (adjusting) return;
    apply({ kind: 'move-end' });
    if (settleTimer !== null) clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      settleTimer = null;
      apply({ kind: 'settled' });
    }, settleMs);
  };
  map.on('movestart', onStart);
  map.on('moveend', onEnd);
  return () => {
    map.off('movestart', onStart);
    map.off('moveend', onEnd);
    if (settleTimer !== null) clearTimeout(settleTimer);
    if (frame !== null) cancelAnimationFrame(frame);
    if (drawnRatio !== fullRatio()) setPixelRatio(fullRatio());
  };
}
