type SlotIndex = 0 | 1;

/** Two players per tile: the one on screen and, during a switch, the one getting ready. */
export interface Slots {
  urls: [string | null, string | null];
  active: SlotIndex;
}

/** Which slot plays what, after the tile's address changed to `url`. */
export function slotsForUrl(slots: Slots, url: string | null): Slots {
  const standby: SlotIndex = slots.active === 0 ? 1 : 0;
  const urls: [string | null, string | null] = [...slots.urls];
  if (urls[slots.active] === url || urls[slots.active] === null) {
    urls[slots.active] = url;
    urls[standby] = null;
  } else {
    urls[standby] = url;
  }
  return urls[0] === slots.urls[0] && urls[1] === slots.urls[1] ? slots : { urls, active: slots.active };
}

/** The slots once the standby player has shown its first picture: it takes over, the old one goes. */
export function slotsAfterStandbyLive(slots: Slots): Slots {
  const standby: SlotIndex = slots.active === 0 ? 1 : 0;
  if (slots.urls[standby] === null) return slots;
  const urls: [string | null, string | null] = [...slots.urls];
  urls[slots.active] = null;
  return { urls, active: standby };
}
