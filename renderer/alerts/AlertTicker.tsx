import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { MuteButton } from './MuteButton.js';
import type { Alert } from '../../protocol/incidents.js';
import type { Language } from '../../protocol/index.js';
import { rendersInSoftware } from '../display/software-rendering.js';
import { marqueePlan, marqueeTiming, tickerAlerts } from './alert-order.js';
import type { FeedStatus } from './incident-feed.js';
import { PriorityBadge } from './PriorityBadge.js';
import { alertStringsFor, type AlertStrings } from './strings.js';

/** Reading speed of the marquee: slow enough to read from three metres. */
const MARQUEE_PIXELS_PER_SECOND = 90;
const TICKER_LIMIT = 20;
/** Positions a second of a marquee drawn in software (see marqueeTiming). */
const SOFTWARE_MARQUEE_STEPS_PER_SECOND = 15;

export interface AlertTickerProps {
  alerts: readonly Alert[];
  status: FeedStatus;
  language: Language;
  /** Absent where the user may not acknowledge (viewers): no button is shown. */
  onAcknowledge?: (alertId: string) => void;
  muted: boolean;
  onToggleMute: () => void;
}

const timeFormat = (language: Language) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { hour: '2-digit', minute: '2-digit' });

function TickerItem({ alert, strings, time, onAcknowledge }: { alert: Alert; strings: AlertStrings; time: string; onAcknowledge?: ((alertId: string) => void) | undefined }) {
  return (
    <li className={`ticker__item ticker__item--${alert.priority}`} data-alert-id={alert.id}>
      <PriorityBadge priority={alert.priority} strings={strings} />
      <span className="ticker__time">{time}</span>
      <span className="ticker__kind">{strings.kind[alert.kind]}</span>
      <span className="ticker__text">{alert.text}</span>
      {onAcknowledge ? (
        <button type="button" className="ticker__ack" onClick={() => onAcknowledge(alert.id)}>
          {strings.acknowledge}
        </button>
      ) : null}
    </li>
  );
}

/** The alert strip at the bottom of a screen: unacknowledged alerts, newest first, scrolling when they overflow. */
export function AlertTicker({ alerts, status, language, onAcknowledge, muted, onToggleMute }: AlertTickerProps) {
  const strings = alertStringsFor(language);
  const shown = useMemo(() => tickerAlerts(alerts, TICKER_LIMIT), [alerts]);
  const format = useMemo(() => timeFormat(language), [language]);
  const viewport = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLUListElement>(null);
  const [widths, setWidths] = useState({ content: 0, viewport: 0 });

  useLayoutEffect(() => {
    const measure = () => setWidths({ content: content.current?.scrollWidth ?? 0, viewport: viewport.current?.clientWidth ?? 0 });
    measure();
    const observer = new ResizeObserver(measure);
    if (viewport.current) observer.observe(viewport.current);
    if (content.current) observer.observe(content.current);
    return () => observer.disconnect();
  }, [shown]);

  const plan = marqueePlan(widths.content, widths.viewport, MARQUEE_PIXELS_PER_SECOND);
  const timing = marqueeTiming(plan, rendersInSoftware() ? SOFTWARE_MARQUEE_STEPS_PER_SECOND : null);
  const items = (copy: string) =>
    shown.map((alert) => <TickerItem key={`${copy}${alert.id}`} alert={alert} strings={strings} time={format.format(new Date(alert.at))} onAcknowledge={onAcknowledge} />);
  const stateLine = status === 'offline' ? strings.offline : status === 'refused' ? strings.refused : status === 'live' ? null : strings.connecting;

  return (
    <section className={`ticker ticker--${status}`} aria-label={strings.tickerLabel}>
      <span className="ticker__label">{strings.tickerLabel}</span>
      <div className="ticker__viewport" ref={viewport}>
        {stateLine ? <span className="ticker__state">{stateLine}</span> : null}
        {shown.length === 0 && status === 'live' ? <span className="ticker__empty">{strings.noAlerts}</span> : null}
        <div
          className={plan.scrolls ? 'ticker__track ticker__track--scrolling' : 'ticker__track'}
          style={{ '--ticker-duration': `${plan.durationSeconds}s`, animationTimingFunction: timing } as CSSProperties}
        >
          <ul className="ticker__list" ref={content}>
            {items('')}
          </ul>
          {/* The second copy makes the loop seamless; it is for the eye, not for screen readers. */}
          {plan.scrolls ? (
            <ul className="ticker__list" aria-hidden="true">
              {items('copy-')}
            </ul>
          ) : null}
        </div>
      </div>
      <MuteButton muted={muted} onToggle={onToggleMute} strings={strings} />
    </section>
  );
}
