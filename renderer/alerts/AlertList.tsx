import { useMemo } from 'react';
import { MuteButton } from './MuteButton.js';
import type { Alert } from '../../protocol/incidents.js';
import type { Language } from '../../protocol/index.js';
import { countByPriority, newestFirst } from './alert-order.js';
import type { FeedStatus } from './incident-feed.js';
import { PriorityBadge } from './PriorityBadge.js';
import { alertStringsFor } from './strings.js';

export interface AlertListProps {
  alerts: readonly Alert[];
  status: FeedStatus;
  language: Language;
  onAcknowledge?: (alertId: string) => void;
  muted: boolean;
  onToggleMute: () => void;
}

const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;

/** The full-screen alert list: every alert the server keeps, newest first, acknowledged ones dimmed. */
export function AlertList({ alerts, status, language, onAcknowledge, muted, onToggleMute }: AlertListProps) {
  const strings = alertStringsFor(language);
  const ordered = useMemo(() => newestFirst(alerts), [alerts]);
  const counts = useMemo(() => countByPriority(alerts), [alerts]);
  const format = useMemo(
    () => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' }),
    [language],
  );
  return (
    <section className={`alert-list alert-list--${status}`} aria-label={strings.listTitle}>
      <header className="alert-list__header">
        <h1 className="alert-list__title">{strings.listTitle}</h1>
        <ul className="alert-list__counts">
          {PRIORITIES.map((priority) => (
            <li key={priority} className="alert-list__count">
              <PriorityBadge priority={priority} strings={strings} /> <strong>{counts[priority]}</strong> <span>{strings.unacknowledged}</span>
            </li>
          ))}
        </ul>
        <MuteButton muted={muted} onToggle={onToggleMute} strings={strings} />
      </header>
      {status === 'offline' ? <p className="alert-list__state">{strings.offline}</p> : null}
      {status === 'refused' ? <p className="alert-list__state">{strings.refused}</p> : null}
      {ordered.length === 0 && status === 'live' ? <p className="alert-list__empty">{strings.noAlerts}</p> : null}
      <ol className="alert-list__rows">
        {ordered.map((alert) => (
          <li key={alert.id} data-alert-id={alert.id} className={`alert-row alert-row--${alert.priority}${alert.acknowledgedBy ? ' alert-row--acknowledged' : ''}`}>
            <PriorityBadge priority={alert.priority} strings={strings} />
            <span className="alert-row__time">{format.format(new Date(alert.at))}</span>
            <span className="alert-row__what">
              <span className="alert-row__kind">{strings.kind[alert.kind]}</span> <span className="alert-row__text">{alert.text}</span>
            </span>
            {alert.acknowledgedBy ? (
              <span className="alert-row__by">
                ✓ {strings.acknowledgedBy} {alert.acknowledgedBy.name}
              </span>
            ) : onAcknowledge ? (
              <button type="button" className="ticker__ack" onClick={() => onAcknowledge(alert.id)}>
                {strings.acknowledge}
              </button>
            ) : (
              <span className="alert-row__by" />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
