/**
 * Pin images drawn on a canvas at start (no sprite sheet to fetch): each category's pictogram on
 * its severity's shape and colour, so a pin is told apart by shape and picture, not colour alone.
 */
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from './incident-vocabulary.js';
import { incidentIconName } from './incident-features.js';
import { SEVERITY_COLOURS } from './incident-layers.js';
import type { IncidentCategory, IncidentSeverity } from '../../protocol/incidents.js';

const SIZE = 48;
const INK = '#0b0f14';

export type PinImage = { name: string; image: ImageData; pixelRatio: number };

/** Severity shapes: low circle, medium diamond, high triangle, critical octagon. */
function shapePath(context: CanvasRenderingContext2D, severity: IncidentSeverity, r: number): void {
  context.beginPath();
  const polygon = (points: number, rotation: number, radius: number) => {
    for (let i = 0; i < points; i++) {
      const angle = rotation + (i * 2 * Math.PI) / points;
      const x = Math.cos(angle) * radius;
      const y = Math.sin(angle) * radius;
      if (i === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    }
    context.closePath();
  };
  switch (severity) {
    case 'low':
      context.arc(0, 0, r * 0.86, 0, 2 * Math.PI);
      break;
    case 'medium':
      polygon(4, -Math.PI / 2, r);
      break;
    case 'high':
      polygon(3, -Math.PI / 2, r * 1.05);
      break;
    case 'critical':
      polygon(8, Math.PI / 8, r);
      break;
  }
}

/** Pictograms in a box of ±1, drawn in ink. */
function pictogram(context: CanvasRenderingContext2D, category: IncidentCategory): void {
  context.beginPath();
  switch (category) {
    case 'crime': // a shield
      context.moveTo(0, -0.85);
      context.lineTo(0.7, -0.55);
      context.lineTo(0.62, 0.15);
      context.quadraticCurveTo(0.45, 0.65, 0, 0.88);
      context.quadraticCurveTo(-0.45, 0.65, -0.62, 0.15);
      context.lineTo(-0.7, -0.55);
      context.closePath();
      break;
    case 'fire': // a flame
      context.moveTo(0, -0.9);
      context.bezierCurveTo(0.55, -0.35, 0.75, 0.1, 0.55, 0.5);
      context.bezierCurveTo(0.4, 0.85, -0.4, 0.85, -0.55, 0.5);
      context.bezierCurveTo(-0.7, 0.15, -0.35, -0.1, -0.2, -0.45);
      context.bezierCurveTo(-0.05, -0.2, 0.1, -0.2, 0, -0.9);
      context.closePath();
      break;
    case 'traffic-accident': // a car
      context.moveTo(-0.85, 0.4);
      context.lineTo(-0.85, -0.05);
      context.lineTo(-0.5, -0.1);
      context.lineTo(-0.3, -0.55);
      context.lineTo(0.3, -0.55);
      context.lineTo(0.5, -0.1);
      context.lineTo(0.85, -0.05);
      context.lineTo(0.85, 0.4);
      context.closePath();
      context.moveTo(-0.3, 0.5);
      context.arc(-0.45, 0.5, 0.2, 0, 2 * Math.PI);
      context.moveTo(0.6, 0.5);
      context.arc(0.45, 0.5, 0.2, 0, 2 * Math.PI);
      break;
    case 'panic-button': // an exclamation mark
      context.rect(-0.14, -0.85, 0.28, 1.1);
      context.moveTo(0.16, 0.6);
      context.arc(0, 0.6, 0.16, 0, 2 * Math.PI);
      break;
    case 'citizen-complaint': // a speech bubble
      context.roundRect(-0.85, -0.7, 1.7, 1.1, 0.25);
      context.moveTo(-0.35, 0.35);
      context.lineTo(-0.55, 0.85);
      context.lineTo(0.05, 0.35);
      context.closePath();
      break;
    case 'congestion': // queued cars
      for (const y of [-0.7, -0.15, 0.4]) context.roundRect(-0.8, y, 1.6, 0.36, 0.12);
      break;
    case 'public-order': // two people
      for (const x of [-0.42, 0.42]) {
        context.moveTo(x + 0.22, -0.5);
        context.arc(x, -0.5, 0.22, 0, 2 * Math.PI);
        context.moveTo(x - 0.36, 0.8);
        context.quadraticCurveTo(x - 0.36, -0.15, x, -0.15);
        context.quadraticCurveTo(x + 0.36, -0.15, x + 0.36, 0.8);
        context.closePath();
      }
      break;
  }
  context.fill();
}

function drawPin(category: IncidentCategory, severity: IncidentSeverity, pixelRatio: number): ImageData {
  const size = SIZE * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas for map pins');
  const rank = INCIDENT_SEVERITIES.indexOf(severity);
  context.translate(size / 2, size / 2);
  const r = size * 0.44;
  shapePath(context, severity, r);
  context.fillStyle = SEVERITY_COLOURS[rank] ?? SEVERITY_COLOURS[3];
  context.fill();
  context.lineWidth = 2.5 * pixelRatio;
  context.strokeStyle = '#080c11';
  context.stroke();
  // The triangle's centre of mass sits low: the picture goes lower and smaller to stay inside.
  const scale = severity === 'high' ? r * 0.36 : r * 0.48;
  context.translate(0, severity === 'high' ? r * 0.18 : 0);
  context.scale(scale, scale);
  context.fillStyle = INK;
  pictogram(context, category);
  return context.getImageData(0, 0, size, size);
}

function drawCamera(pixelRatio: number): ImageData {
  const size = 28 * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas for map pins');
  context.translate(size / 2, size / 2);
  const r = size * 0.45;
  context.beginPath();
  context.roundRect(-r, -r, 2 * r, 2 * r, r * 0.3);
  context.fillStyle = '#0f2233';
  context.fill();
  context.lineWidth = 2 * pixelRatio;
  context.strokeStyle = '#7fd1ff';
  context.stroke();
  context.fillStyle = '#7fd1ff';
  context.beginPath();
  context.roundRect(-r * 0.65, -r * 0.4, r * 0.85, r * 0.8, r * 0.12);
  context.moveTo(r * 0.2, -r * 0.05);
  context.lineTo(r * 0.65, -r * 0.4);
  context.lineTo(r * 0.65, r * 0.4);
  context.lineTo(r * 0.2, r * 0.05);
  context.fill();
  return context.getImageData(0, 0, size, size);
}

/** Every image the incident layers name, drawn at the screen's pixel ratio. */
export function drawMapImages(pixelRatio: number): PinImage[] {
  const ratio = Math.max(1, Math.min(3, Math.round(pixelRatio)));
  const pins = INCIDENT_CATEGORIES.flatMap((category) =>
    INCIDENT_SEVERITIES.map((severity) => ({ name: incidentIconName(category, severity), image: drawPin(category, severity, ratio), pixelRatio: ratio })),
  );
  return [...pins, { name: 'pantau-camera', image: drawCamera(ratio), pixelRatio: ratio }];
}
