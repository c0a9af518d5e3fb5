import { BrowserWindow } from 'electron';
import type { Language } from '../../protocol/index.js';
import type { DisplayInfo, ScreenPlacement } from '../displays/plan-screens.js';
import { identifyCards, identifyPageHtml } from '../displays/identify-displays.js';

/** How long the numbers stay up. */
const SHOW_FOR_MS = 8000;

let open: BrowserWindow[] = [];

/** Shows every display's number large on top of everything for a few seconds ("identify displays"). */
export function identifyDisplays(displays: readonly DisplayInfo[], placements: readonly ScreenPlacement[], language: Language): number {
  for (const window of open) if (!window.isDestroyed()) window.destroy();
  open = [];
  const cards = identifyCards(displays, placements);
  for (const card of cards) {
    const display = displays.find((d) => d.id === card.displayId);
    if (!display) continue;
    const window = new BrowserWindow({
      ...display.bounds,
      frame: false,
      transparent: true,
      focusable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    window.setAlwaysOnTop(true, 'screen-saver');
    window.setIgnoreMouseEvents(true);
    window.once('ready-to-show', () => window.showInactive());
    void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(identifyPageHtml(card, language))}`);
    open.push(window);
  }
  const shown = open;
  setTimeout(() => {
    for (const window of shown) if (!window.isDestroyed()) window.destroy();
  }, SHOW_FOR_MS);
  return cards.length;
}
