import type { Language } from '../../protocol/index.js';
import { displaysInPositionOrder, type DisplayInfo, type ScreenPlacement } from './plan-screens.js';

/** What one display shows while "identify displays" is on. */
export interface IdentifyCard {
  displayId: number;
  /** The display's position, counted from 1 left to right: the number the configuration's `position` means. */
  number: number;
  label: string;
  detail: string;
  /** The screen shown there, if any. */
  screenId: string | null;
}

/** One card per connected display, numbered in the same order the configuration's `position` uses. */
export function identifyCards(displays: readonly DisplayInfo[], placements: readonly ScreenPlacement[]): IdentifyCard[] {
  return displaysInPositionOrder(displays).map((display, index) => ({
    displayId: display.id,
    number: index + 1,
    label: display.label || '—',
    detail: `${display.bounds.width}×${display.bounds.height} @ ${display.bounds.x},${display.bounds.y}`,
    screenId: placements.find((p) => p.displayId === display.id)?.screenId ?? null,
  }));
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained page for an identify overlay window: the number huge, label and screen below. */
export function identifyPageHtml(card: IdentifyCard, language: Language): string {
  const screenLine = card.screenId === null ? (language === 'en' ? 'no screen' : 'tanpa layar') : `${language === 'en' ? 'screen' : 'layar'} ${card.screenId}`;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><style>
html,body{margin:0;height:100%;background:rgba(5,8,12,.85);color:#fff;font-family:sans-serif;display:flex;align-items:center;justify-content:center;flex-direction:column}
.n{font-size:40vh;font-weight:700;line-height:1}.l{font-size:4vh;opacity:.85}</style></head><body>
<div class="n">${card.number}</div><div class="l">${escapeHtml(card.label)} · ${escapeHtml(card.detail)}</div><div class="l">${escapeHtml(screenLine)}</div></body></html>`;
}
