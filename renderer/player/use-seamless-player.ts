import { useEffect, useRef, useState, type RefObject } from 'react';
import type { LivePlayer } from './live-player.js';
import type { TileHealth } from './tile-watchdog.js';
import { slotsAfterStandbyLive, slotsForUrl, type Slots } from './standby-slots.js';
import { useLivePlayer } from './use-live-player.js';

export interface SeamlessPlayer {
  videos: { ref: RefObject<HTMLVideoElement | null>; active: boolean }[];
  health: TileHealth;
  player: RefObject<LivePlayer | null>;
}

/**
 * Plays a tile's stream through two video elements, so that a change of address (main to sub
 * profile and back) shows no black gap: the new stream plays underneath, and takes over only
 * once it has a picture.
 */
export function useSeamlessPlayer(url: string | null, frugal: boolean, covered = false): SeamlessPlayer {
  const first = useRef<HTMLVideoElement>(null);
  const second = useRef<HTMLVideoElement>(null);
  const [slots, setSlots] = useState<Slots>({ urls: [url, null], active: 0 });
  useEffect(() => setSlots((current) => slotsForUrl(current, url)), [url]);
  const players = [useLivePlayer(first, slots.urls[0], frugal, covered), useLivePlayer(second, slots.urls[1], frugal, covered)] as const;
  const standby = players[slots.active === 0 ? 1 : 0];
  const standbyLive = slots.urls[slots.active === 0 ? 1 : 0] !== null && standby.health.status === 'live';
  useEffect(() => {
    if (standbyLive) setSlots(slotsAfterStandbyLive);
  }, [standbyLive]);
  const active = players[slots.active];
  return {
    videos: [
      { ref: first, active: slots.active === 0 },
      { ref: second, active: slots.active === 1 },
    ],
    health: active.health,
    player: active.player,
  };
}
