/** The three arrows to scale, from one origin, in a square-pixel frame fitted to their tips. */
import { useTextScale } from '../shared/useTextScale';
import type { CombinerPicture, Vec } from './model';
import { svgMathText } from '../shared/MathLabel';

const WIDTH = 560;
const MAX_HEIGHT = 260;
const MIN_HEIGHT = 90;
const PAD = 28;
// Room for the labels beside the tips.
const LABEL_ROOM = 56;

function Arrow({ tip, toScreen, className, label }: { tip: Vec; toScreen: (v: Vec) => Vec; className: string; label: string }) {
  const [x0, y0] = toScreen([0, 0]);
  const [x1, y1] = toScreen(tip);
  const length = Math.hypot(x1 - x0, y1 - y0);
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const head = Math.min(10, length * 0.6);
  const left: Vec = [x1 - head * Math.cos(angle - 0.4), y1 - head * Math.sin(angle - 0.4)];
  const right: Vec = [x1 - head * Math.cos(angle + 0.4), y1 - head * Math.sin(angle + 0.4)];
  return (
    <g className={className}>
      <line className={`ba-line ${className}`} x1={x0} y1={y0} x2={x1} y2={y1} strokeWidth={className === 'ba-combined' ? 3 : 2} />
      {length > 1 ? <polygon points={`${x1},${y1} ${left.join(',')} ${right.join(',')}`} /> : <circle cx={x1} cy={y1} r={2.5} />}
      <text x={x1 + 6 * Math.cos(angle)} y={y1 + 6 * Math.sin(angle) - 6} className="ba-chart-label" fill="currentColor" stroke="none">{svgMathText(label)}</text>
    </g>
  );
}

export function Arrows({ picture }: { readonly picture: CombinerPicture }) {
  const holder = useTextScale<SVGSVGElement>(WIDTH);
  const tips = [picture.rul, picture.health, picture.combined, [0, 0] as Vec];
  const minX = Math.min(...tips.map((t) => t[0]));
  const maxX = Math.max(...tips.map((t) => t[0]));
  const maxY = Math.max(...tips.map((t) => t[1]));
  const spanX = Math.max(maxX - minX, 1e-12);
  const spanY = Math.max(maxY, 1e-12);
  const usableWidth = WIDTH - 2 * PAD - LABEL_ROOM;
  const scale = Math.min(usableWidth / spanX, (MAX_HEIGHT - 2 * PAD) / spanY);
  // A flat picture gets a short frame instead of empty space above it.
  const HEIGHT = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, spanY * scale + 2 * PAD));
  const originX = PAD + (usableWidth - spanX * scale) / 2 - minX * scale;
  const originY = HEIGHT - PAD;
  const toScreen = (v: Vec): Vec => [originX + v[0] * scale, originY - v[1] * scale];
  return (
    <svg ref={holder} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="The two task gradients and their weighted sum, drawn to scale" data-testid="combiner-arrows">
      <line className="ba-axis" x1={PAD / 2} x2={WIDTH - PAD / 2} y1={originY} y2={originY} stroke="var(--grid, #ddd)" />
      <Arrow tip={picture.rul} toScreen={toScreen} className="ba-rul" label="g_rul" />
      <Arrow tip={picture.health} toScreen={toScreen} className="ba-health" label="g_health" />
      <Arrow tip={picture.combined} toScreen={toScreen} className="ba-combined" label="update" />
    </svg>
  );
}
