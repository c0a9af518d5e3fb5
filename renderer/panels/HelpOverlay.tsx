import { KEYMAP_LAYERS, type KeymapFile } from '../../protocol/index.js';
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
export function HelpOverlay({ keymap, strings }: { keymap: KeymapFile; strings: Strings }) {
  return (
    <section className="overlay overlay--help" data-testid="help-overlay" aria-label={strings.helpTitle}>
      <h2>{strings.helpTitle}</h2>
      <p className="overlay__lead">{strings.grammarHelp}</p>
      <div className="help__layers">
        {KEYMAP_LAYERS.map((layer) => (
          <dl key={layer} className="help__list" data-layer={layer}>
            <h3>{layer}</h3>
            {Object.entries(keymap.layers[layer])
              .filter(([action]) => !action.startsWith('entry-digit-'))
              .map(([action, chords]) => (
                <div key={action} className="help__row">
                  <dt>{action}</dt>
                  <dd>{(chords ?? []).map(chordLabel).join(' · ')}</dd>
                </div>
              ))}
          </dl>
        ))}
      </div>
      <p className="overlay__hint">{strings.helpHint}</p>
    </section>
  );
}
