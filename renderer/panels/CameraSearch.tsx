import { useEffect, useMemo, useRef, useState } from 'react';
import type { Camera } from '../../protocol/index.js';
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

/** A searchable camera list: type to filter, Enter puts the first match in the selected tile, or drag one onto a tile. */
export function CameraSearch({ cameras, strings, onChoose, onClose }: { cameras: readonly Camera[]; strings: Strings; onChoose(cameraId: string): void; onClose(): void }) {
  const [query, setQuery] = useState('');
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
          if (event.key === 'Enter' && first) onChoose(first.id);
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
          </li>
        ))}
      </ol>
      <p className="overlay__hint">{strings.searchHint}</p>
    </section>
  );
}
