/**
 * A briefing screen: one incident at a time on the map, with its details, timeline and related
 * cameras live beside it; next, previous and a pick list. The position is controlled: the lead
 * keeps it in the wall state so every briefing screen follows the presenter.
 */
import { useMemo, type ReactNode } from 'react';
import type { Camera } from '../../protocol/catalogue.js';
import type { Incident } from '../../protocol/incidents.js';
import type { EngineMap } from '../map/engine-map.js';
import { IncidentMap } from '../map/IncidentMap.js';
import { mapOptionsWith, type IncidentMapOptions } from '../map/map-options.js';
import { SEVERITY_COLOURS } from '../map/incident-layers.js';
import { mapStringsFor, type MapStrings } from '../map/strings.js';
import { briefingIndex, briefingOrder, briefingStep } from './briefing-steps.js';
import './briefing.css';

export type BriefingViewProps = {
  incidents: readonly Incident[];
  cameras: readonly Camera[];
  /** The presented incident's id; null starts at the first. */
  position: string | null;
  onPositionChange: (incidentId: string | null) => void;
  /** A live tile of a related camera. */
  renderCamera: (cameraId: string) => ReactNode;
  /** How many related cameras play at once (decode budget). */
  maxLiveCameras?: number;
  mapOptions?: Partial<IncidentMapOptions>;
  onMapReady?: (map: EngineMap, engineName: string) => void;
  /**
   * Cameras a tile of the same screen already plays, with the tile's label (as after a push):
   * named here instead of decoded a second time.
   */
  shownOnTiles?: ReadonlyMap<string, string>;
  /** Screens the presented incident can be pushed to; absent or empty: no push buttons (viewers). */
  pushTargets?: readonly { screenId: string; label: string }[];
  onPush?: (incidentId: string, screenId: string) => void;
  /** The push row's label, in the wall's language. */
  pushLabel?: string;
};

/** The briefing screen; see the module comment. */
export function BriefingView(props: BriefingViewProps): ReactNode {
  const { incidents, cameras, position, onPositionChange, renderCamera, maxLiveCameras = 4 } = props;
  const options = useMemo(() => mapOptionsWith({ ...props.mapOptions, flyToCritical: false }), [props.mapOptions]);
  const strings = mapStringsFor(options.language);
  const order = useMemo(() => briefingOrder(incidents), [incidents]);
  const index = briefingIndex(order, position);
  const current = index >= 0 ? order[index] : undefined;
  const cameraNames = useMemo(() => new Map(cameras.map((camera) => [camera.id, camera.name])), [cameras]);

  return (
    <div className="briefing" data-testid="briefing" data-position={current?.id ?? ''}>
      <div className="briefing-map">
        <IncidentMap incidents={incidents} cameras={cameras} options={options} focusIncidentId={current?.id ?? null} onMapReady={props.onMapReady} />
      </div>
      <aside className="briefing-panel">
        <nav className="briefing-nav">
          <button type="button" data-testid="briefing-previous" disabled={index <= 0} onClick={() => onPositionChange(briefingStep(order, position, -1))}>
            ‹ {strings.briefingPrevious}
          </button>
          <span className="briefing-count" data-testid="briefing-count">
            {order.length === 0 ? '0' : `${index + 1} ${strings.briefingOf} ${order.length}`}
          </span>
          <button type="button" data-testid="briefing-next" disabled={index >= order.length - 1} onClick={() => onPositionChange(briefingStep(order, position, 1))}>
            {strings.briefingNext} ›
          </button>
        </nav>
        {current ? <IncidentDetails incident={current} strings={strings} /> : <p className="briefing-empty">{strings.briefingEmpty}</p>}
        {current && props.onPush && props.pushTargets && props.pushTargets.length > 0 && (
          <nav className="briefing-push" data-testid="briefing-push" aria-label={props.pushLabel}>
            <span>{props.pushLabel}</span>
            {props.pushTargets.map((target) => (
              <button type="button" key={target.screenId} data-screen-id={target.screenId} onClick={() => props.onPush?.(current.id, target.screenId)}>
                {target.label}
              </button>
            ))}
          </nav>
        )}
        {current && (
          <section className="briefing-cameras">
            <h3>{strings.relatedCameras}</h3>
            {current.relatedCameraIds.length === 0 && <p>{strings.noRelatedCameras}</p>}
            <div className="briefing-camera-grid">
              {current.relatedCameraIds.slice(0, maxLiveCameras).map((cameraId) => {
                const tile = props.shownOnTiles?.get(cameraId);
                return (
                  <figure key={cameraId} className="briefing-camera" data-on-tile={tile ?? undefined}>
                    {tile === undefined ? renderCamera(cameraId) : null}
                    <figcaption>{cameraNames.get(cameraId) ?? cameraId}{tile === undefined ? '' : ` · ${tile}`}</figcaption>
                  </figure>
                );
              })}
            </div>
          </section>
        )}
        <details className="briefing-list">
          <summary>{strings.briefingList}</summary>
          <ol>
            {order.map((incident) => (
              <li key={incident.id}>
                <button type="button" aria-current={incident.id === current?.id} onClick={() => onPositionChange(incident.id)}>
                  {strings.severity[incident.severity]} · {incident.title}
                </button>
              </li>
            ))}
          </ol>
        </details>
      </aside>
    </div>
  );
}

function IncidentDetails({ incident, strings }: { incident: Incident; strings: MapStrings }) {
  const rank = ['low', 'medium', 'high', 'critical'].indexOf(incident.severity);
  return (
    <section className="briefing-details" data-testid="briefing-details">
      <div className="briefing-tags">
        <span className="briefing-severity" style={{ background: SEVERITY_COLOURS[rank] ?? SEVERITY_COLOURS[3] }}>
          {strings.severity[incident.severity]}
        </span>
        <span>{strings.category[incident.category]}</span>
        <span className="briefing-status">{strings.status[incident.status]}</span>
      </div>
      <h2>{incident.title}</h2>
      <dl>
        <dt>{strings.address}</dt>
        <dd>{incident.address}</dd>
        <dt>{strings.reportedVia}</dt>
        <dd>{strings.channel[incident.reportedVia]}</dd>
        <dt>{strings.assignedTo}</dt>
        <dd>{incident.assignedAgency ? strings.agency[incident.assignedAgency] : strings.notAssigned}</dd>
      </dl>
      <h3>{strings.timeline}</h3>
      <ol className="briefing-timeline">
        {incident.timeline.map((entry, i) => (
          <li key={`${entry.at}-${i}`}>
            <time dateTime={entry.at}>{new Date(entry.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}</time> {entry.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
