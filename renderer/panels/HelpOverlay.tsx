import { KEYMAP_LAYERS, type KeyAction, type KeymapFile, type Language } from '../../protocol/index.js';
import { actionLabel } from './action-labels.js';
import type { Strings } from '../i18n/strings.js';

/** How a chord reads on a key cap: "Ctrl+Digit1" -> "Ctrl+1", "NumpadMultiply" -> "Num *". */
export function chordLabel(chord: string): string {
  return chord
    .replace(/Digit(\d)/, '$1')
    .replace(/^(.*)Key([A-Z])$/, '$1$2')
    .replace('NumpadMultiply', 'Num *').replace('NumpadDivide', 'Num /').replace('NumpadAdd', 'Num +')
    .replace('NumpadSubtract', 'Num −').replace('NumpadDecimal', 'Num .').replace('NumpadEnter', 'Num Enter')
    .replace(/Numpad(\d)/, 'Num $1').replace('Slash', '/').replace('BracketLeft', '[').replace('BracketRight', ']')
    .replace('Equal', '=').replace('Minus', '-').replace('Arrow', '');
}

/** Every key of the keymap by layer, as the room's operators read it, plus the keypad grammar. */
export function HelpOverlay({ keymap, strings, language }: { keymap: KeymapFile; strings: Strings; language: Language }) {
  return (
    <section className="overlay overlay--help" data-testid="help-overlay" aria-label={strings.helpTitle}>
      <h2>{strings.helpTitle}</h2>
      <p className="overlay__lead">{strings.grammarHelp}</p>
      <div className="help__layers">
        {KEYMAP_LAYERS.map((layer) => (
          <div key={layer} className="help__layer" data-layer={layer}>
            <h3>{strings.keymapLayer[layer]}</h3>
            <dl className="help__list">
            {Object.entries(keymap.layers[layer])
              .filter(([action]) => !action.startsWith('entry-digit-'))
              .map(([action, chords]) => (
                <div key={action} className="help__row">
                  <dt>{actionLabel(action as KeyAction, language)}</dt>
                  <dd>{(chords ?? []).map(chordLabel).join(' · ')}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
      <p className="overlay__hint">{strings.helpHint}</p>
    </section>
  );
}
