/**
 * The incident map wall: the city, incidents clustered and styled by category, severity and
 * status, cameras with their view cones, the accident heatmap, and the fly-to of new critical
 * incidents. The map says in words when it cannot start; it never stays blank.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { StyleSpecification } from 'maplibre-gl';
import type { Camera } from '../../protocol/catalogue.js';
import type { Incident } from '../../protocol/incidents.js';
import { loadAccidentHistory } from './accident-history.js';
import { cameraCones, cameraPoints } from './camera-cones.js';
import { initialFlyToState, onIncidentsChanged, onOperatorMoved, onTick, type FlyToState } from './fly-to-schedule.js';
import { NOW_STATE_KEY } from './incident-fading.js';
import { drawMapImages } from './incident-icons.js';
import { incidentMapLayers, incidentSource, LAYER, plainSource, SOURCE } from './incident-layers.js';
import { IncidentSourceUpdater, type BatchDrawn } from './incident-source-updater.js';
import type { EngineInstance, EngineMap, EnginePopup, LayerPointerEvent } from './engine-map.js';
import { engineFor, type MapEngine } from './map-engine.js';
import { mapOptionsWith, type IncidentMapOptions } from './map-options.js';
import { attachMotionRenderScale } from './motion-render-scale.js';
import { homeViewOf, type HomeView } from './offline-style.js';
import { offlineStyle } from './offline-style-assets.js';
import { mapStringsFor, type MapStrings } from './strings.js';
import './map.css';

/** A grid tile (or screen) a camera can be sent to; the lead decides what the id means. */
export type CameraSendTarget = { id: string; label: string };

export type IncidentMapProps = {
  incidents: readonly Incident[];
  cameras: readonly Camera[];
  options?: Partial<IncidentMapOptions>;
  /** The accident heatmap (keymap action 'heatmap-toggle'). */
  heatmapVisible?: boolean;
  /** Hold the map on this incident (briefing); automatic fly-to and return pause meanwhile. */
  focusIncidentId?: string | null;
  sendTargets?: readonly CameraSendTarget[];
  onOpenCamera?: (cameraId: string) => void;
  onSendCamera?: (cameraId: string, targetId: string) => void;
  /** Puts the live tile into the camera pop-up; returns its cleanup. */
  renderCameraPopup?: (cameraId: string, container: HTMLElement) => (() => void) | undefined;
  /** The map once its style and layers are in (tests, benches, the lead's integrations). */
  onMapReady?: (map: EngineMap, engineName: string) => void;
  /** Each batch of incident changes once it is on screen. */
  onIncidentsDrawn?: (batch: BatchDrawn) => void;
  /** Overrides the engine the options choose (maplibre-gl, or mapbox-gl with a Mapbox token). */
  engine?: MapEngine;
};

type Problem = { title: string; detail: string };
type OpenPopup = { cameraId: string; container: HTMLElement };

const FALLBACK_HOME: HomeView = { center: [110.8193, -7.5587], zoom: 12.6 };

/** The incident map; see the module comment. */
export function IncidentMap(props: IncidentMapProps): ReactNode {
  const { incidents, cameras, heatmapVisible = false, focusIncidentId = null } = props;
  const options = useMemo(() => mapOptionsWith(props.options), [props.options]);
  const strings = mapStringsFor(options.language);
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<EngineMap | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [popup, setPopup] = useState<OpenPopup | null>(null);
  const [heatmapError, setHeatmapError] = useState<string | null>(null);
  const updaterRef = useRef<IncidentSourceUpdater | null>(null);
  const flyRef = useRef<FlyToState | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const homeRef = useRef<HomeView>(FALLBACK_HOME);
  const instanceRef = useRef<EngineInstance | null>(null);

  // Start the map once per style/engine; everything else is fed to it by the effects below.
  const engine = props.engine ?? engineFor(options.mapboxAccessToken);
  const { styleUrl, startTimeoutMs, clusterMaxZoom, clusterRadius, batchMs, language } = options;
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const words = mapStringsFor(language);
    if (engine.problem() === 'no-webgl2') {
      setProblem({ title: words.mapCannotStartTitle, detail: words.mapNoWebgl2 });
      return;
    }
    let style: StyleSpecification | string;
    try {
      style = styleUrl ?? offlineStyle();
    } catch (error) {
      setProblem({ title: words.mapFailed, detail: String(error) });
      return;
    }
    const home = latest.current.options?.home ?? (typeof style === 'string' ? FALLBACK_HOME : homeViewOf(style, FALLBACK_HOME));
    homeRef.current = home;
    let instance: EngineMap | null = null;
    let stopped = false;
    let loaded = false;
    const timeout = setTimeout(() => {
      if (!loaded) setProblem({ title: words.mapFailed, detail: words.mapBlankHint });
    }, startTimeoutMs);
    const whenLoaded = (startedInstance: EngineInstance) => {
      const started = startedInstance.map;
      started.on('error', (event) => {
        if (!loaded) setProblem({ title: words.mapFailed, detail: `${event.error?.message ?? 'error'} — ${words.mapBlankHint}` });
      });
      started.on('load', () => {
        loaded = true;
        clearTimeout(timeout);
        setProblem(null);
        for (const { name, image, pixelRatio } of drawMapImages(window.devicePixelRatio)) {
          if (!started.hasImage(name)) started.addImage(name, image, { pixelRatio });
        }
        started.addSource(SOURCE.accidents, plainSource());
        started.addSource(SOURCE.cones, plainSource());
        started.addSource(SOURCE.cameras, plainSource());
        started.addSource(SOURCE.incidents, incidentSource(clusterMaxZoom, clusterRadius));
        // The clock before the layers that read it: an engine without global state (mapbox-gl)
        // writes its value into the layers as they are added.
        started.setGlobalStateProperty(NOW_STATE_KEY, Math.round(Date.now() / 1000));
        for (const layer of incidentMapLayers(words)) started.addLayer(layer);
        const updater = new IncidentSourceUpdater(startedInstance, SOURCE.incidents, words, batchMs, (batch) => latest.current.onIncidentsDrawn?.(batch));
        updaterRef.current = updater;
        updater.reset(latest.current.incidents);
        flyRef.current = initialFlyToState(latest.current.incidents);
        setMap(started);
        latest.current.onMapReady?.(started, engine.name);
      });
    };
    // An engine may have to be fetched first (mapbox-gl is a chunk of its own): the map starts
    // when it is there, and a cleanup that comes first removes it as soon as it exists.
    engine
      .create({
        container,
        style,
        center: home.center,
        zoom: home.zoom,
        attributionControl: { compact: false },
        // A wall is looked at, not handled: no rotation, no pitch to get lost in.
        dragRotate: false,
        pitchWithRotate: false,
        maxPitch: 0,
        canvasContextAttributes: { antialias: false },
        // Labels appear at once: a fade keeps the map drawing for 300 ms after every change, and a
        // feed of updates would keep it drawing all the time.
        fadeDuration: 0,
        onFatal: (message) => setProblem({ title: words.mapFailed, detail: `${message} — ${words.mapboxTokenHint}` }),
      })
      .then(
        (started) => {
          if (stopped) {
            started.map.remove();
            return;
          }
          instanceRef.current = started;
          instance = started.map;
          whenLoaded(started);
        },
        (error: unknown) => {
          if (stopped) return;
          clearTimeout(timeout);
          // maplibre fails here only without a usable WebGL2 context; another engine may also fail to load.
          const why = engine.name === 'maplibre-gl' ? words.mapNoWebgl2 : words.mapEngineFailed;
          setProblem({ title: words.mapCannotStartTitle, detail: `${why} (${error instanceof Error ? error.message : String(error)})` });
        },
      );
    return () => {
      stopped = true;
      clearTimeout(timeout);
      updaterRef.current?.dispose();
      updaterRef.current = null;
      instanceRef.current = null;
      setMap(null);
      instance?.remove();
    };
  }, [engine, styleUrl, startTimeoutMs, clusterMaxZoom, clusterRadius, batchMs, language]);

  // Incidents: diffed and batched by the updater; new critical ones may fly the map.
  useEffect(() => {
    if (!map) return;
    updaterRef.current?.push(incidents);
    const state = flyRef.current;
    if (!state) return;
    const { state: next, move } = onIncidentsChanged(state, incidents, Date.now(), options);
    flyRef.current = next;
    if (move.kind === 'fly-to' && !latest.current.focusIncidentId) {
      map.flyTo({ center: [move.incident.location.longitude, move.incident.location.latitude], zoom: options.focusZoom, essential: true });
    }
  }, [map, incidents, options]);

  // Software WebGL: coarser while moving, sharp when still.
  const { softwareMotionScale } = options;
  useEffect(() => {
    if (!map) return;
    return attachMotionRenderScale(map, softwareMotionScale);
  }, [map, softwareMotionScale]);

  // The clock: fading reads it from the map's global state; the return home is checked each second.
  useEffect(() => {
    if (!map) return;
    let lastNowUpdate = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - lastNowUpdate >= 30_000) {
        lastNowUpdate = now;
        map.setGlobalStateProperty(NOW_STATE_KEY, Math.round(now / 1000));
      }
      const state = flyRef.current;
      if (!state || latest.current.focusIncidentId) return;
      const { state: next, move } = onTick(state, now);
      flyRef.current = next;
      if (move.kind === 'return-home') map.flyTo({ center: homeRef.current.center, zoom: homeRef.current.zoom, essential: true });
    }, 1000);
    // An operator who pans or zooms keeps the map: no automatic return pulls it away.
    const operatorMoved = (event: { originalEvent?: unknown }) => {
      if (event.originalEvent && flyRef.current) flyRef.current = onOperatorMoved(flyRef.current);
    };
    map.on('movestart', operatorMoved);
    return () => {
      clearInterval(timer);
      map.off('movestart', operatorMoved);
    };
  }, [map]);

  // Briefing focus: fly to the presented incident and hold; back home when it is cleared.
  const focused = focusIncidentId ? incidents.find((incident) => incident.id === focusIncidentId) : undefined;
  const focusLon = focused?.location.longitude;
  const focusLat = focused?.location.latitude;
  useEffect(() => {
    if (!map) return;
    if (focusLon !== undefined && focusLat !== undefined) {
      map.flyTo({ center: [focusLon, focusLat], zoom: options.focusZoom, essential: true });
    }
  }, [map, focusIncidentId, focusLon, focusLat, options.focusZoom]);

  // Cameras and their cones.
  useEffect(() => {
    if (!map) return;
    void instanceRef.current?.source(SOURCE.cameras)?.setData(cameraPoints(cameras));
    void instanceRef.current?.source(SOURCE.cones)?.setData(cameraCones(cameras));
  }, [map, cameras]);

  // Heatmap: shown by the prop; its history is fetched the first time it is shown.
  const historyLoaded = useRef(false);
  const { accidentHistoryUrl } = options;
  useEffect(() => {
    if (!map) return;
    map.setLayoutProperty(LAYER.heatmap, 'visibility', heatmapVisible ? 'visible' : 'none');
    if (!heatmapVisible || historyLoaded.current) return;
    if (!accidentHistoryUrl) {
      setHeatmapError(null);
      return;
    }
    historyLoaded.current = true;
    const abort = new AbortController();
    void loadAccidentHistory(accidentHistoryUrl, abort.signal).then((result) => {
      if (abort.signal.aborted) return;
      if (result.ok) {
        setHeatmapError(null);
        void instanceRef.current?.source(SOURCE.accidents)?.setData(result.history);
      } else {
        historyLoaded.current = false;
        setHeatmapError(result.error);
      }
    });
    return () => abort.abort();
  }, [map, heatmapVisible, accidentHistoryUrl]);

  // Clicks: a cluster zooms in; a camera opens its pop-up.
  useEffect(() => {
    if (!map) return;
    const onCluster = (event: LayerPointerEvent) => {
      const feature = event.features?.[0];
      const clusterId = feature?.properties?.cluster_id as number | undefined;
      if (clusterId === undefined || feature?.geometry.type !== 'Point') return;
      const center = feature.geometry.coordinates as [number, number];
      void instanceRef.current
        ?.source(SOURCE.incidents)
        ?.getClusterExpansionZoom(clusterId)
        .then((zoom) => map.easeTo({ center, zoom }));
    };
    let open: EnginePopup | null = null;
    const onCamera = (event: LayerPointerEvent) => {
      const feature = event.features?.[0];
      const cameraId = feature?.properties?.cameraId as string | undefined;
      if (!cameraId || feature?.geometry.type !== 'Point') return;
      open?.remove();
      const container = document.createElement('div');
      container.className = 'incident-map-popup';
      const popupInstance = instanceRef.current?.openPopup(feature.geometry.coordinates as [number, number], container, { closeButton: false, maxWidth: '480px', offset: 14 });
      if (!popupInstance) return;
      popupInstance.on('close', () => setPopup((current) => (current?.container === container ? null : current)));
      open = popupInstance;
      setPopup({ cameraId, container });
    };
    const pointer = () => (map.getCanvas().style.cursor = 'pointer');
    const plain = () => (map.getCanvas().style.cursor = '');
    map.on('click', LAYER.clusters, onCluster);
    map.on('click', LAYER.cameras, onCamera);
    for (const layer of [LAYER.clusters, LAYER.cameras]) {
      map.on('mouseenter', layer, pointer);
      map.on('mouseleave', layer, plain);
    }
    return () => {
      map.off('click', LAYER.clusters, onCluster);
      map.off('click', LAYER.cameras, onCamera);
      for (const layer of [LAYER.clusters, LAYER.cameras]) {
        map.off('mouseenter', layer, pointer);
        map.off('mouseleave', layer, plain);
      }
      open?.remove();
    };
  }, [map]);

  const popupCamera = popup ? cameras.find((camera) => camera.id === popup.cameraId) : undefined;
  return (
    <div className="incident-map" data-testid="incident-map" data-state={problem ? 'failed' : map ? 'ready' : 'starting'}>
      <div ref={containerRef} className="incident-map-canvas" />
      {problem && (
        <div className="incident-map-problem" role="alert" data-testid="incident-map-problem">
          <h2>{problem.title}</h2>
          <p>{problem.detail}</p>
        </div>
      )}
      {heatmapVisible && map && <HeatmapLegend strings={strings} error={heatmapError} />}
      {popup &&
        createPortal(
          <CameraPopup
            cameraId={popup.cameraId}
            cameraName={popupCamera?.name ?? popup.cameraId}
            strings={strings}
            sendTargets={props.sendTargets ?? []}
            renderCameraPopup={props.renderCameraPopup}
            onOpenCamera={props.onOpenCamera}
            onSendCamera={props.onSendCamera}
          />,
          popup.container,
        )}
    </div>
  );
}

function HeatmapLegend({ strings, error }: { strings: MapStrings; error: string | null }) {
  return (
    <div className="incident-map-legend" data-testid="heatmap-legend">
      <span className="incident-map-legend-ramp" aria-hidden="true" />
      <span>{error ? `${strings.heatmapUnavailable}: ${error}` : strings.heatmapLegend}</span>
    </div>
  );
}

type CameraPopupProps = {
  cameraId: string;
  cameraName: string;
  strings: MapStrings;
  sendTargets: readonly CameraSendTarget[];
  renderCameraPopup: IncidentMapProps['renderCameraPopup'];
  onOpenCamera: IncidentMapProps['onOpenCamera'];
  onSendCamera: IncidentMapProps['onSendCamera'];
};

function CameraPopup({ cameraId, cameraName, strings, sendTargets, renderCameraPopup, onOpenCamera, onSendCamera }: CameraPopupProps) {
  const slotRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const slot = slotRef.current;
    if (!slot || !renderCameraPopup) return;
    const cleanup = renderCameraPopup(cameraId, slot);
    return () => {
      if (typeof cleanup === 'function') cleanup();
    };
  }, [cameraId, renderCameraPopup]);
  return (
    <div className="camera-popup" data-testid="camera-popup" data-camera-id={cameraId}>
      <div className="camera-popup-title">{cameraName}</div>
      {renderCameraPopup && <div ref={slotRef} className="camera-popup-live" />}
      <div className="camera-popup-actions">
        {onOpenCamera && (
          <button type="button" onClick={() => onOpenCamera(cameraId)}>
            {strings.cameraOpen}
          </button>
        )}
        {onSendCamera &&
          sendTargets.map((target) => (
            <button type="button" key={target.id} onClick={() => onSendCamera(cameraId, target.id)}>
              {strings.cameraSendTo} {target.label}
            </button>
          ))}
      </div>
    </div>
  );
}
