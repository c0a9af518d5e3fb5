import { useEffect, useState } from 'react';
import type { Language } from '../../protocol/index.js';
import type { ScreenCondition } from '../../protocol/health.js';
import { healthStringsFor } from './strings.js';
import { useWallHealth, type HealthSocket } from './use-wall-health.js';
import { healthRows } from './wall-health-view.js';

const CONDITION_COLOURS: Record<ScreenCondition, string> = { ok: '#2e7d32', degraded: '#b26a00', failing: '#c62828', silent: '#6b7280' };

/** Re-renders every second so report ages stay true between pushes. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The wall-health page for supervisors: every workstation and screen with its state, live
 * tiles, frame rate, dropped frames, memory, last crash and the age of its last report; the
 * worst first. `socket` is a connection whose hello was accepted with a supervisor token.
 */
export function WallHealthPage({ socket, language }: { socket: HealthSocket; language: Language }) {
  const strings = healthStringsFor(language);
  const state = useWallHealth(socket);
  const now = useNow();
  return (
    <section data-testid="wall-health" style={{ padding: 24, color: '#e6edf3', background: '#05080c', minHeight: '100%', fontFamily: 'inherit' }}>
      <h1 style={{ margin: 0, fontSize: 28 }}>{strings.title}</h1>
      <p style={{ marginTop: 4, opacity: 0.8 }}>{strings.subtitle}</p>
      {state.status === 'loading' && <p>{strings.connecting}</p>}
      {state.status === 'refused' && <p role="alert">{strings.refused} ({state.message})</p>}
      {state.status === 'ready' && state.list.entries.length === 0 && <p>{strings.empty}</p>}
      {state.status === 'ready' && state.list.entries.length > 0 && (
        <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 16 }}>
          <thead>
            <tr style={{ textAlign: 'left' }}>
              {[strings.workstation, strings.screen, strings.state, strings.tiles, strings.fps, strings.dropped, strings.memory, strings.lastCrash, strings.lastReport].map((title) => (
                <th key={title} style={{ padding: '6px 8px', borderBottom: '1px solid #30363d' }}>{title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {healthRows(state.list.entries, now, strings).map((row) => (
              <tr key={row.key} data-testid="health-row" data-condition={row.condition}>
                <td style={{ padding: '6px 8px' }}>{row.workstation}</td>
                <td style={{ padding: '6px 8px' }}>{row.screen}</td>
                <td style={{ padding: '6px 8px' }}>
                  <span style={{ background: CONDITION_COLOURS[row.condition], padding: '2px 8px', borderRadius: 4, fontWeight: 700 }}>{row.conditionLabel}</span>
                </td>
                <td style={{ padding: '6px 8px' }}>{row.liveTiles}</td>
                <td style={{ padding: '6px 8px' }}>{row.fps}</td>
                <td style={{ padding: '6px 8px' }}>{row.dropped}</td>
                <td style={{ padding: '6px 8px' }}>{row.memory}</td>
                <td style={{ padding: '6px 8px' }}>{row.lastCrash}</td>
                <td style={{ padding: '6px 8px' }}>{row.age}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
