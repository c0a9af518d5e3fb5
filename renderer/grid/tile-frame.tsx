import type { DragEvent, PointerEvent, ReactNode } from 'react';
import type { Strings } from '../i18n/strings.js';

/** How a tile is marked and what a pointer on it does; shared by camera, panel and empty tiles. */
export interface TileFrameProps {
  gridRow: string;
  gridColumn: string;
  tileNumber: number;
  selected: boolean;
  /** Who pinned this tile's camera, when a pin holds it. */
  pinnedBy: string | null;
  /** Maximised over the whole screen; `covered` tiles sit behind one and decode nothing. */
  maximised: boolean;
  covered: boolean;
  onSelect(): void;
  /** A camera dragged from the camera list dropped here. */
  onDropCamera(cameraId: string): void;
  /** What a feature adds to this tile: a badge, pointer handlers (PTZ click-to-centre and drag). */
  decoration?: TileDecoration | undefined;
}

export interface TileDecoration {
  extras?: ReactNode;
  pointerHandlers?: {
    onPointerDown(event: PointerEvent<HTMLElement>): void;
    onPointerMove(event: PointerEvent<HTMLElement>): void;
    onPointerUp(event: PointerEvent<HTMLElement>): void;
    onPointerCancel(event: PointerEvent<HTMLElement>): void;
  };
}

/** The drag-and-drop type of a camera id dragged from the camera list. */
export const CAMERA_DRAG_TYPE = 'application/x-pantau-camera';

/** The props every tile's outer element takes: place, marks, selection and dropping a camera. */
export function tileFrame(props: TileFrameProps, className: string) {
  const classes = [className, props.selected ? 'tile--selected' : '', props.maximised ? 'tile--maximised' : '', props.covered ? 'tile--covered' : ''].filter(Boolean).join(' ');
  return {
    className: classes,
    style: props.maximised ? { gridRow: '1 / -1', gridColumn: '1 / -1' } : { gridRow: props.gridRow, gridColumn: props.gridColumn },
    'data-tile': props.tileNumber,
    'data-selected': props.selected,
    'data-pinned': props.pinnedBy !== null,
    'data-maximised': props.maximised,
    'data-covered': props.covered,
    onClick: props.onSelect,
    ...(props.decoration?.pointerHandlers ?? {}),
    onDragOver: (event: DragEvent) => {
      if (event.dataTransfer.types.includes(CAMERA_DRAG_TYPE)) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      const cameraId = event.dataTransfer.getData(CAMERA_DRAG_TYPE);
      if (cameraId) {
        event.preventDefault();
        props.onDropCamera(cameraId);
      }
    },
  };
}

/** The tile's number and, when pinned, the pin mark in words. */
export function TileMarks({ tileNumber, pinnedBy, strings }: { tileNumber: number; pinnedBy: string | null; strings: Strings }) {
  return (
    <>
      <span className="tile__number">{tileNumber}</span>
      {pinnedBy !== null && (
        <span className="tile__pin" data-testid="tile-pin" title={`${strings.pinnedBy} ${pinnedBy}`}>
          <span aria-hidden="true">⚑</span> {strings.pinned}
        </span>
      )}
    </>
  );
}

