import { useCallback, useEffect, useState } from 'react';
import { PresetExportFileSchema, describeIssues, formatIssues, type AuditEntry, type HistoryEntry, type Intent, type IntentReply, type Query, type QueryReply, type WallState } from '../../protocol/index.js';
import type { Strings } from '../i18n/strings.js';

export interface SupervisorPanelProps {
  wall: WallState;
  screenId: string;
  strings: Strings;
  query(query: Query): Promise<QueryReply>;
  send(intent: Intent): Promise<IntentReply>;
  onHint(text: string): void;
}

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** Starts a browser download of a JSON document. */
function download(name: string, document_: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(document_, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** For supervisors: who did what (the audit), the selected screen's history with restore, presets out and in, and pins. */
export function SupervisorPanel({ wall, screenId, strings, query, send, onHint }: SupervisorPanelProps) {
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [presetHistory, setPresetHistory] = useState<{ number: number; entries: HistoryEntry[] } | null>(null);
  const showPresetHistory = async (number: number) => {
    const reply = await query({ type: 'preset-history', number });
    if (reply.ok && reply.result.type === 'preset-history') setPresetHistory({ number, entries: reply.result.entries });
    else if (!reply.ok) onHint(reply.error.message);
  };
  const refresh = useCallback(async () => {
    const [auditReply, historyReply] = await Promise.all([query({ type: 'audit', limit: 30 }), query({ type: 'screen-history', screenId, limit: 15 })]);
    if (auditReply.ok && auditReply.result.type === 'audit') setAudit(auditReply.result.entries);
    else if (!auditReply.ok) onHint(auditReply.error.message);
    if (historyReply.ok && historyReply.result.type === 'screen-history') setHistory(historyReply.result.entries);
  }, [query, screenId, onHint]);
  // Re-read whenever the wall changes, so the log shows the action just taken.
  useEffect(() => void refresh(), [refresh, wall.sequence]);

  const act = async (intent: Intent) => {
    const reply = await send(intent);
    if (!reply.ok) onHint(reply.error.message);
  };
  const exportPresets = async () => {
    const reply = await query({ type: 'export-presets' });
    if (reply.ok && reply.result.type === 'export-presets') download(`pantau-presets-${wall.id}.json`, reply.result.file);
    else if (!reply.ok) onHint(reply.error.message);
  };
  const importPresets = async (file: File) => {
    let parsed;
    try {
      parsed = PresetExportFileSchema.safeParse(JSON.parse(await file.text()));
    } catch (error) {
      onHint(`${file.name}: ${(error as Error).message}`);
      return;
    }
    if (!parsed.success) {
      onHint(`${file.name}: ${formatIssues(describeIssues(parsed.error))}`);
      return;
    }
    await act({ type: 'import-presets', presets: parsed.data.presets.map(({ number, name, scope, screens }) => ({ number, name, scope, screens })) });
  };
  const screenName = wall.screens.find((screen) => screen.id === screenId)?.name ?? screenId;

  return (
    <section className="overlay overlay--supervisor" data-testid="supervisor-panel">
      <div className="supervisor__column">
        <h2>{strings.auditTitle}</h2>
        <ol className="supervisor__list" data-testid="audit-list">
          {audit.map((entry) => (
            <li key={entry.id} className={`audit audit--${entry.outcome}`} data-testid="audit-entry">
              <span className="audit__time">{time.format(new Date(entry.at))}</span>
              <span className="audit__who">{entry.userName}{entry.workstationId ? ` @ ${entry.workstationId}` : ''}</span>
              <span className="audit__what">{entry.detail}</span>
              <span className="audit__outcome">{entry.outcome === 'applied' ? `✓ ${strings.applied}` : `✕ ${strings.refused}`}</span>
            </li>
          ))}
        </ol>
      </div>
      <div className="supervisor__column">
        <h2>{strings.historyTitle}: {screenName}</h2>
        <ol className="supervisor__list" data-testid="history-list">
          {history.map((entry) => (
            <li key={entry.version} className="history">
              <span>{strings.version} {entry.version}</span>
              <span>{time.format(new Date(entry.at))} · {entry.by}</span>
              <span className="history__action">{entry.action}</span>
              <button type="button" data-testid="restore-version" onClick={() => void act({ type: 'restore-screen-version', screenId, version: entry.version })}>{strings.restore}</button>
            </li>
          ))}
        </ol>
        <h2>{strings.presetsTitle}</h2>
        <ul className="supervisor__list">
          {wall.presets.length === 0 && <li>{strings.noPresets}</li>}
          {wall.presets.map((preset) => (
            <li key={preset.number}>
              {preset.number}. {preset.name} ({preset.scope}, v{preset.version}, {preset.updatedBy})
              <button type="button" data-testid="preset-history" onClick={() => void showPresetHistory(preset.number)}>{strings.historyTitle}</button>
            </li>
          ))}
        </ul>
        {presetHistory && (
          <ol className="supervisor__list" data-testid="preset-history-list">
            {presetHistory.entries.map((entry) => (
              <li key={entry.version}>
                <span>Preset {presetHistory.number} · {strings.version} {entry.version}</span>
                <span>{time.format(new Date(entry.at))} · {entry.by}</span>
                <span className="history__action">{entry.action}</span>
                <button type="button" onClick={() => void act({ type: 'restore-preset-version', number: presetHistory.number, version: entry.version })}>{strings.restore}</button>
              </li>
            ))}
          </ol>
        )}
        <div className="supervisor__buttons">
          <button type="button" data-testid="export-presets" onClick={() => void exportPresets()}>{strings.exportPresets}</button>
          <label className="supervisor__import">
            {strings.importPresets}
            <input type="file" accept="application/json,.json" data-testid="import-presets" onChange={(event) => { const file = event.target.files?.[0]; if (file) void importPresets(file); }} />
          </label>
        </div>
        <h2>{strings.pinned}</h2>
        <ul className="supervisor__list" data-testid="pin-list">
          {wall.pins.map((pin) => (
            <li key={`${pin.screenId}:${pin.cameraId}`}>
              ⚑ {pin.cameraId} → {pin.screenId}{pin.tileIndex === null ? '' : ` / ${strings.tile} ${pin.tileIndex + 1}`} ({pin.by})
              <button type="button" onClick={() => void act({ type: 'unpin', screenId: pin.screenId, cameraId: pin.cameraId })}>✕</button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
