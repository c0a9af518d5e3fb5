/**
 * Fetches the accident history for the heatmap (GET /api/accident-history) and validates it: a
 * bad answer is an error the map shows in words, never half-drawn data.
 */
import { AccidentHistorySchema, type AccidentHistory } from '../../protocol/incidents.js';

export type AccidentHistoryResult = { ok: true; history: AccidentHistory } | { ok: false; error: string };

/** Loads and checks the history; never throws. */
export async function loadAccidentHistory(url: string, signal?: AbortSignal): Promise<AccidentHistoryResult> {
  try {
    const response = await fetch(url, { signal, headers: { accept: 'application/geo+json, application/json' } });
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    const parsed = AccidentHistorySchema.safeParse(await response.json());
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return { ok: false, error: `invalid accident history${first ? ` at ${first.path.join('.')}: ${first.message}` : ''}` };
    }
    return { ok: true, history: parsed.data };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
