/**
 * A page that hosts IncidentMap alone, for the e2e tests and the map bench (and for looking at the
 * map during development). It takes its data from `window.pantauMapHarness`; options come from the
 * query string: lang, batchMs, returnHomeAfterMs, flyToCritical, accidentHistoryUrl, briefing,
 * mapboxAccessToken (the map then runs on mapbox-gl, as a deployment with a token does).
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Camera } from '../../protocol/catalogue.js';
import type { Incident } from '../../protocol/incidents.js';
import { BriefingView } from '../briefing/BriefingView.js';
import { IncidentMap } from './IncidentMap.js';
import type { MapHarness } from './map-harness-api.js';
import type { IncidentMapOptions } from './map-options.js';

const query = new URLSearchParams(location.search);
const numberParam = (name: string) => (query.has(name) ? Number(query.get(name)) : undefined);
const options: Partial<IncidentMapOptions> = {
  language: query.get('lang') === 'en' ? 'en' : 'id',
  batchMs: numberParam('batchMs'),
  returnHomeAfterMs: numberParam('returnHomeAfterMs'),
  flyToCritical: query.has('flyToCritical') ? query.get('flyToCritical') === 'true' : undefined,
  accidentHistoryUrl: query.get('accidentHistoryUrl') ?? undefined,
  mapboxAccessToken: query.get('mapboxAccessToken') ?? undefined,
};

const harness: MapHarness = {
  setIncidents: () => undefined,
  setCameras: () => undefined,
  setHeatmap: () => undefined,
  setFocus: () => undefined,
  map: null,
  engine: null,
  drawn: [],
  actions: [],
};
window.pantauMapHarness = harness;

function Harness() {
  const [incidents, setIncidents] = useState<Incident[]>([]);
  const [cameras, setCameras] = useState<Camera[]>([]);
  const [heatmap, setHeatmap] = useState(false);
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    Object.assign(harness, { setIncidents, setCameras, setHeatmap, setFocus });
  }, []);
  if (query.get('briefing') === 'true') {
    return (
      <BriefingView
        incidents={incidents}
        cameras={cameras}
        position={focus}
        onPositionChange={setFocus}
        mapOptions={options}
        renderCamera={(cameraId) => <div className="harness-live" data-camera-id={cameraId}>{cameraId}</div>}
        onMapReady={(map, engine) => Object.assign(harness, { map, engine })}
      />
    );
  }
  return (
    <IncidentMap
      incidents={incidents}
      cameras={cameras}
      options={options}
      heatmapVisible={heatmap}
      focusIncidentId={focus}
      sendTargets={[{ id: 'screen-1-tile-1', label: 'Layar 1 · 1' }]}
      onOpenCamera={(cameraId) => harness.actions.push(`open:${cameraId}`)}
      onSendCamera={(cameraId, target) => harness.actions.push(`send:${cameraId}:${target}`)}
      renderCameraPopup={(cameraId, container) => {
        container.textContent = `live ${cameraId}`;
        return undefined;
      }}
      onMapReady={(map, engine) => Object.assign(harness, { map, engine })}
      onIncidentsDrawn={(batch) => harness.drawn.push(batch)}
    />
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><Harness /></StrictMode>);
