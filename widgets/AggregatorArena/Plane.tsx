/**
 * The plane the gradients live in: their arrows from the origin, the dual cone shaded, and (when
 * editable) one handle per tip that follows the mouse, a finger or the arrow keys.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { dualConePolygon, formatValue, type Vec } from './model';

export const TASK_CLASSES = ['ba-rul', 'ba-health', 'ba-s3'] as const;
const SIZE = 300;
const CENTRE = SIZE / 2;
const MARGIN = 14;

function arrowHead(from: Vec, to: Vec, size: number): string {
  const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
  const left: Vec = [to[0] - size * Math.cos(angle - 0.4), to[1] - size * Math.sin(angle - 0.4)];
  const right: Vec = [to[0] - size * Math.cos(angle + 0.4), to[1] - size * Math.sin(angle + 0.4)];
  return `${to.join(',')} ${left.join(',')} ${right.join(',')}`;
}

/** An arrow from the origin to `tip` in screen coordinates; a dot when it is shorter than its head. */
export function ScreenArrow({ tip, className, width = 2 }: { readonly tip: Vec; readonly className: string; readonly width?: number }) {
  const origin: Vec = [CENTRE, CENTRE];
  const length = Math.hypot(tip[0] - CENTRE, tip[1] - CENTRE);
  if (length < 3) return <circle className={className} cx={CENTRE} cy={CENTRE} r={width + 1.5} />;
  return (
    <g className={className}>
      <line className={`ba-line ${className}`} x1={CENTRE} y1={CENTRE} x2={tip[0]} y2={tip[1]} strokeWidth={width} />
      <polygon points={arrowHead(origin, tip, Math.min(6 + 2 * width, length * 0.6))} />
    </g>
  );
}

/** World → screen for a square view of half-width `extent` around the origin. */
export function screenMap(extent: number): (v: Vec) => Vec {
  const scale = (CENTRE - MARGIN) / extent;
  return (v) => [CENTRE + v[0] * scale, CENTRE - v[1] * scale];
}

export function ConeShade({ vectors, extent }: { readonly vectors: readonly Vec[]; readonly extent: number }) {
  const toScreen = screenMap(extent);
  // Clipped to the drawing's own square (the margin included), so the shade never spills out of it.
  const polygon = dualConePolygon(vectors, (extent * CENTRE) / (CENTRE - MARGIN)).map(toScreen);
  if (polygon.length < 3) return null;
  return <polygon className="arena-cone" points={polygon.map((p) => p.join(',')).join(' ')} />;
}

export const PLANE_SIZE = SIZE;

export interface PlaneProps {
  readonly vectors: readonly Vec[];
  readonly extent: number;
  /** Absent: the arrows are read-only (Live mode). */
  readonly onMove?: (k: number, tip: Vec) => void;
  readonly label: string;
}

export function Plane({ vectors, extent, onMove, label }: PlaneProps) {
  const svg = useRef<SVGSVGElement>(null);
  const toScreen = screenMap(extent);
  const scale = (CENTRE - MARGIN) / extent;

  const toWorld = (clientX: number, clientY: number): Vec | null => {
    const element = svg.current;
    const matrix = element?.getScreenCTM();
    if (!element || !matrix) return null;
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return [(point.x - CENTRE) / scale, (CENTRE - point.y) / scale];
  };

  const pointerHandlers = (k: number) => ({
    onPointerDown(event: PointerEvent<SVGElement>) {
      event.currentTarget.setPointerCapture(event.pointerId);
      event.preventDefault();
    },
    onPointerMove(event: PointerEvent<SVGElement>) {
      if (!onMove || !event.currentTarget.hasPointerCapture(event.pointerId)) return;
      const tip = toWorld(event.clientX, event.clientY);
      if (tip) onMove(k, tip);
    },
    onPointerUp(event: PointerEvent<SVGElement>) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    },
  });

  const onKeyDown = (k: number) => (event: KeyboardEvent<SVGElement>) => {
    const step = event.shiftKey ? 1 : 0.1; // moveTip snaps the result to the 0.1 grid
    const moves: Record<string, Vec> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[event.key];
    if (!move || !onMove) return;
    event.preventDefault();
    onMove(k, [vectors[k][0] + move[0], vectors[k][1] + move[1]]);
  };

  return (
    <svg ref={svg} viewBox={`0 0 ${SIZE} ${SIZE}`} className="arena-plane" role="group" aria-label={label} data-testid="arena-plane">
      <ConeShade vectors={vectors} extent={extent} />
      <line className="arena-axis" x1={MARGIN / 2} x2={SIZE - MARGIN / 2} y1={CENTRE} y2={CENTRE} />
      <line className="arena-axis" y1={MARGIN / 2} y2={SIZE - MARGIN / 2} x1={CENTRE} x2={CENTRE} />
      {vectors.map((g, k) => {
        const tip = toScreen(g);
        return (
          <g key={k}>
            <ScreenArrow tip={tip} className={TASK_CLASSES[k]} />
            <text x={tip[0] + 12} y={tip[1] - 12} className="arena-label">g{['₀', '₁', '₂'][k]}</text>
            {onMove && (
              <circle
                className={`arena-handle ${TASK_CLASSES[k]}`}
                cx={tip[0]}
                cy={tip[1]}
                r={11}
                tabIndex={0}
                role="button"
                aria-roledescription="draggable point"
                aria-label={`tip of g${k}: (${formatValue(g[0])}, ${formatValue(g[1])}). Drag it, or use the arrow keys (Shift for larger steps).`}
                data-testid={`arena-handle-${k}`}
                onKeyDown={onKeyDown(k)}
                {...pointerHandlers(k)}
              />
            )}
          </g>
        );
      })}
    </svg>
  );
}
