import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Socket } from 'socket.io-client';
import type { ProtocolError } from '../../protocol/errors.js';
import { PTZ_EVENTS, PtzLockStateSchema, PtzLocksReplySchema, PtzReplySchema, type PtzCommand, type PtzLockState } from '../../protocol/ptz.js';
import { DRAG_THRESHOLD_PX, PtzController, isPtzMoveAction, type PtzOutput } from './ptz-controller.js';

const TICK_MS = 50;
const ACK_TIMEOUT_MS = 3000;

/** What the tile and the keyboard layer get from usePtzControl. */
export interface PtzControl {
  /** A keymap action went down; `fast` when the speed modifier is held. Non-move PTZ actions: home. */
  press(action: string, fast: boolean): void;
  /** A keymap action went up. */
  release(action: string): void;
  gotoPreset(preset: number): void;
  /** Supervisors only; the server refuses others. */
  savePreset(preset: number): void;
  home(): void;
  /** Takes the camera from whoever holds it (supervisors only). */
  takeOver(): void;
  /** Spread on the tile's element: click to centre, drag to steer. */
  pointerHandlers: {
    onPointerDown(event: PointerEvent<HTMLElement>): void;
    onPointerMove(event: PointerEvent<HTMLElement>): void;
    onPointerUp(event: PointerEvent<HTMLElement>): void;
    onPointerCancel(event: PointerEvent<HTMLElement>): void;
  };
  /** The camera's holder and move as the server last said, or null when nobody holds it. */
  state: PtzLockState | null;
  /** Why the server refused the last command, until the next one is accepted. */
  error: ProtocolError | null;
}

interface PointerGesture {
  pointerId: number;
  startX: number;
  startY: number;
  dragging: boolean;
}

/**
 * PTZ control of the selected tile's camera over the screen's socket: keys from the caller's
 * keyboard layer, mouse on the tile, every held move repeated for the server's dead-man, and a
 * stop on key-up, window blur, hidden window, camera change and unmount.
 */
export function usePtzControl(socket: Socket | null, cameraId: string | null, enabled: boolean): PtzControl {
  const controller = useMemo(() => new PtzController(), []);
  const [state, setState] = useState<PtzLockState | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const gesture = useRef<PointerGesture | null>(null);
  const active = enabled && socket !== null && cameraId !== null;

  const send = useCallback(
    (command: PtzCommand) => {
      if (!socket) return;
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck(PTZ_EVENTS.command, command)
        .then((raw: unknown) => {
          const reply = PtzReplySchema.safeParse(raw);
          if (!reply.success) return;
          if (reply.data.ok) {
            setError(null);
            setState(reply.data.state.holder === null && reply.data.state.moving === null ? null : reply.data.state);
          } else {
            setError(reply.data.error);
          }
        })
        // No answer in time: the server's dead-man stops the camera if our stop was lost too.
        .catch(() => undefined);
    },
    [socket],
  );

  const apply = useCallback(
    (outputs: readonly PtzOutput[]) => {
      if (!cameraId) return;
      for (const output of outputs) {
        send(output.type === 'stop' ? { type: 'stop', cameraId } : { type: 'move', cameraId, ...output.velocity });
      }
    },
    [cameraId, send],
  );

  // Broadcast states of this camera, and who holds it when we start watching it.
  useEffect(() => {
    setState(null);
    setError(null);
    if (!socket || !cameraId) return;
    const onState = (payload: unknown) => {
      const parsed = PtzLockStateSchema.safeParse(payload);
      if (!parsed.success || parsed.data.cameraId !== cameraId) return;
      setState(parsed.data.holder === null && parsed.data.moving === null ? null : parsed.data);
    };
    socket.on(PTZ_EVENTS.state, onState);
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(PTZ_EVENTS.locks)
      .then((raw: unknown) => {
        const reply = PtzLocksReplySchema.safeParse(raw);
        if (reply.success && reply.data.ok) setState(reply.data.states.find((candidate) => candidate.cameraId === cameraId) ?? null);
      })
      .catch(() => undefined);
    return () => {
      socket.off(PTZ_EVENTS.state, onState);
    };
  }, [socket, cameraId]);

  // While active: repeat held moves, and let go of everything on blur or a hidden window.
  // Leaving the active state (camera change, PTZ mode off, unmount) stops the camera.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => apply(controller.tick(performance.now())), TICK_MS);
    const letGo = () => apply(controller.releaseAll(performance.now()));
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') letGo();
    };
    window.addEventListener('blur', letGo);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      window.removeEventListener('blur', letGo);
      document.removeEventListener('visibilitychange', onVisibility);
      letGo();
      gesture.current = null;
    };
  }, [active, apply, controller]);

  const press = useCallback(
    (action: string, fast: boolean) => {
      if (!active || !cameraId) return;
      if (isPtzMoveAction(action)) apply(controller.press(action, fast, performance.now()));
      else if (action === 'ptz-home') send({ type: 'home', cameraId });
    },
    [active, apply, cameraId, controller, send],
  );

  const release = useCallback(
    (action: string) => {
      if (active && isPtzMoveAction(action)) apply(controller.release(action, performance.now()));
    },
    [active, apply, controller],
  );

  const command = useCallback(
    (make: (camera: string) => PtzCommand) => {
      if (active && cameraId) send(make(cameraId));
    },
    [active, cameraId, send],
  );

  const pointerHandlers = useMemo(() => {
    const offsets = (event: PointerEvent<HTMLElement>) => {
      const rect = event.currentTarget.getBoundingClientRect();
      return { rect, x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    return {
      onPointerDown(event: PointerEvent<HTMLElement>) {
        if (!active || event.button !== 0) return;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        gesture.current = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, dragging: false };
      },
      onPointerMove(event: PointerEvent<HTMLElement>) {
        const current = gesture.current;
        if (!active || !current || current.pointerId !== event.pointerId) return;
        const dx = event.clientX - current.startX;
        const dy = event.clientY - current.startY;
        if (!current.dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
        current.dragging = true;
        const { rect } = offsets(event);
        apply(controller.drag(dx / (rect.width / 2), dy / (rect.height / 2), performance.now()));
      },
      onPointerUp(event: PointerEvent<HTMLElement>) {
        const current = gesture.current;
        gesture.current = null;
        if (!active || !current || current.pointerId !== event.pointerId) return;
        if (current.dragging) {
          apply(controller.dragEnd(performance.now()));
          return;
        }
        const { rect, x, y } = offsets(event);
        apply(controller.click(x / rect.width - 0.5, y / rect.height - 0.5, performance.now()));
      },
      onPointerCancel() {
        gesture.current = null;
        apply(controller.dragEnd(performance.now()));
      },
    };
  }, [active, apply, controller]);

  return {
    press,
    release,
    gotoPreset: (preset) => command((camera) => ({ type: 'goto-preset', cameraId: camera, preset })),
    savePreset: (preset) => command((camera) => ({ type: 'save-preset', cameraId: camera, preset })),
    home: () => command((camera) => ({ type: 'home', cameraId: camera })),
    takeOver: () => command((camera) => ({ type: 'take-over', cameraId: camera })),
    pointerHandlers,
    state,
    error,
  };
}
