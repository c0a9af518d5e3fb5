import { useEffect, useRef, useState, type RefObject } from 'react';
import type { BudgetLevel } from './decode-budget.js';
import { LivePlayer } from './live-player.js';
import { windowBudget } from './window-budget.js';
import { initialHealth, type TileHealth } from './tile-watchdog.js';

/**
 * Plays `url` into the video element for as long as the component shows it; returns its health and
 * the player. A `covered` tile (behind a maximised one) pauses like a hidden window and resumes at the live edge.
 */
export function useLivePlayer(videoRef: RefObject<HTMLVideoElement | null>, url: string | null, frugal: boolean, covered = false): { health: TileHealth; player: RefObject<LivePlayer | null> } {
  // Health is kept with the address it belongs to, so a new address never inherits the old "live".
  const [reported, setReported] = useState<{ url: string | null; health: TileHealth }>(() => ({ url, health: initialHealth(performance.now()) }));
  const player = useRef<LivePlayer | null>(null);
  const coveredRef = useRef(covered);
  coveredRef.current = covered;
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !url) return;
    const live = new LivePlayer(video, url, (health) => setReported({ url, health }), { frugal });
    player.current = live;
    setReported({ url, health: live.health });
    live.start(document.visibilityState !== 'hidden' && !coveredRef.current);
    const onVisibility = () => live.setVisible(document.visibilityState !== 'hidden' && !coveredRef.current);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      player.current = null;
      live.destroy();
    };
  }, [videoRef, url, frugal]);
  useEffect(() => {
    player.current?.setVisible(document.visibilityState !== 'hidden' && !covered);
  }, [covered]);
  const health = reported.url === url ? reported.health : initialHealth(performance.now());
  return { health, player };
}

/** The current time, refreshed every `everyMs` while `active`; for counters such as "STALE 00:12". */
export function useNow(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    setNow(performance.now());
    const timer = window.setInterval(() => setNow(performance.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [active, everyMs]);
  return now;
}

/** The window's decode budget level, for choosing stream profiles. */
export function useDecodeBudget(): BudgetLevel {
  const [level, setLevel] = useState<BudgetLevel>(windowBudget.level);
  useEffect(() => windowBudget.subscribe(setLevel), []);
  return level;
}
