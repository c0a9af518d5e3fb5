import type { AlertPriority } from '../../protocol/incidents.js';
import type { AlertStrings } from './strings.js';

// A different shape per priority, so it reads without colour: octagon, triangle, square, circle.
const SHAPES: Record<AlertPriority, string> = {
  critical: 'M7 1h10l6 6v10l-6 6H7l-6-6V7z',
  high: 'M12 1.5 23 22H1z',
  medium: 'M3 3h18v18H3z',
  low: 'M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z',
};

/** Shape (icon) plus colour plus word: priority is never told by colour alone. */
export function PriorityBadge({ priority, strings }: { priority: AlertPriority; strings: AlertStrings }) {
  return (
    <span className={`alert-priority alert-priority--${priority}`}>
      <svg className="alert-priority__icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d={SHAPES[priority]} />
        {priority === 'low' ? null : <text x="12" y={priority === 'high' ? 19 : 17.5} textAnchor="middle">!</text>}
      </svg>
      <span className="alert-priority__word">{strings.priority[priority]}</span>
    </span>
  );
}
