import { useEffect, useMemo, useRef, useState } from 'react';
import type { Camera, CameraGroup } from '../../protocol/index.js';
import { CAMERA_DRAG_TYPE } from '../grid/tile-frame.js';
import type { Strings } from '../i18n/strings.js';

/** Cameras matching a search: by number, by words of the name, or by agency name. */
export function searchCameras(cameras: readonly Camera[], query: string, strings: Strings): Camera[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...cameras];
  return cameras.filter((camera) => {
    const haystack = `${camera.number} ${camera.name} ${camera.id} ${strings.agency[camera.agency]}`.toLowerCase();
    return words.every((word) => (/^\d+$/.test(word) ? camera.number === Number(word) || haystack.includes(word) : haystack.includes(word)));
  });
}

export interface CameraSearchProps {
  cameras: readonly Camera[];
  groups: readonly CameraGroup[];
  strings: Strings;
  onChoose(cameraId: string): void;
  /** Pages the selected screen through a group (null: every camera). */
  onShowGroup(groupId: string | null): void;
  /** Puts a tour of these cameras in the selected tile. */
  onTour(cameraIds: string[], dwellSeconds: number): void;
  onClose(): void;
}

const DWELL_CHOICES = [5, 10, 20, 30, 60] as const;

/**
 * A searchable camera list: type to filter, Enter puts the first match in the selected tile, or
 * drag one onto a tile; Shift+Enter (or "+ Tur") adds it to a tour; a group pages the screen.
 */
export function CameraSearch({ cameras, groups, strings, onChoose, onShowGroup, onTour, onClose }: CameraSearchProps) {
  const [query, setQuery] = useState('');
  const [tour, setTour] = useState<string[]>([]);
  const [dwell, setDwell] = useState<number>(10);
  const toggleTour = (cameraId: string) => setTour((current) => (current.includes(cameraId) ? current.filter((id) => id !== cameraId) : [...current, cameraId].slice(0, 64)));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const matches = useMemo(() => searchCameras(cameras, query, strings), [cameras, query, strings]);
  return (
    <section className="overlay overlay--search" data-testid="camera-search" aria-label={strings.searchTitle}>
      <h2>{strings.searchTitle}</h2>
      <input
        ref={input}
        className="search__input"
        data-testid="camera-search-input"
        value={query}
        placeholder={strings.searchPlaceholder}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
          const first = matches[0];
          if (event.key === 'Enter' && first) {
            if (event.shiftKey) toggleTour(first.id);
            else onChoose(first.id);
          }
        }}
      />
      <ol className="search__list">
        {matches.slice(0, 50).map((camera) => (
          <li
            key={camera.id}
            className="search__item"
            data-testid="camera-search-item"
            data-camera-id={camera.id}
            draggable
            onDragStart={(event) => event.dataTransfer.setData(CAMERA_DRAG_TYPE, camera.id)}
            onDoubleClick={() => onChoose(camera.id)}
          >
            <span className="search__number">{camera.number}</span>
            <span className="search__name">{camera.name}</span>
            <span className={`tile__agency tile__agency--${camera.agency}`}>{strings.agency[camera.agency]}</span>
            {camera.ptz && <span className="search__ptz">PTZ</span>}
            <button type="button" className="search__tour-toggle" data-testid="tour-toggle" aria-pressed={tour.includes(camera.id)} onClick={() => toggleTour(camera.id)}>
              {tour.includes(camera.id) ? `✓ ${strings.tour} ${tour.indexOf(camera.id) + 1}` : `+ ${strings.tour}`}
            </button>
          </li>
        ))}
      </ol>
      <div className="search__tour" data-testid="tour-bar">
        <span>{strings.tour}: {tour.length === 0 ? '–' : tour.map((id) => cameras.find((camera) => camera.id === id)?.number ?? id).join(' → ')}</span>
        <label>
          {strings.tourDwell}{' '}
          <select value={dwell} onChange={(event) => setDwell(Number(event.target.value))} data-testid="tour-dwell">
            {DWELL_CHOICES.map((seconds) => <option key={seconds} value={seconds}>{seconds} s</option>)}
          </select>
        </label>
        <button type="button" data-testid="tour-start" disabled={tour.length < 2} onClick={() => onTour(tour, dwell)}>{strings.tourStart}</button>
      </div>
      <div className="search__groups">
        <span>{strings.groups}:</span>
        <button type="button" data-testid="group-all" onClick={() => onShowGroup(null)}>{strings.allCameras}</button>
        {groups.map((group) => (
          <button key={group.id} type="button" data-testid="group" data-group-id={group.id} onClick={() => onShowGroup(group.id)}>
            {group.name} ({group.cameraIds.length})
          </button>
        ))}
      </div>
      <p className="overlay__hint">{strings.searchHint}</p>
    </section>
  );
}
