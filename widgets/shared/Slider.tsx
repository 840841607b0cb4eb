/**
 * A labelled slider on a native range input, so mouse, touch and keyboard (arrows, PageUp/PageDown,
 * Home/End) all work and screen readers hear `aria-valuetext`. A log scale maps the input's integer
 * positions onto a geometric range (e.g. 1× … 1000×).
 */
import { useId } from 'react';
import { MathText } from './MathLabel';

export interface SliderProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** Linear step (ignored on a log scale, which has `positions` steps). */
  readonly step?: number;
  readonly scale?: 'linear' | 'log';
  /** Number of positions on a log scale (default 600). */
  readonly positions?: number;
  readonly format: (value: number) => string;
  readonly onChange: (value: number) => void;
  readonly testId?: string;
  readonly disabled?: boolean;
}

/** Slider position (0 … positions) of a value on a log scale. */
export function logPosition(value: number, min: number, max: number, positions: number): number {
  const clamped = Math.min(max, Math.max(min, value));
  return Math.round((Math.log(clamped / min) / Math.log(max / min)) * positions);
}

/** Value at a slider position on a log scale. */
export function logValue(position: number, min: number, max: number, positions: number): number {
  return min * (max / min) ** (position / positions);
}

export function Slider(props: SliderProps) {
  const id = useId();
  const { label, value, min, max, format, onChange, disabled } = props;
  const isLog = props.scale === 'log';
  const positions = props.positions ?? 600;
  const inputValue = isLog ? logPosition(value, min, max, positions) : value;
  return (
    <div className="ba-slider">
      <label htmlFor={id}><MathText text={label} /></label>
      <input
        id={id}
        type="range"
        min={isLog ? 0 : min}
        max={isLog ? positions : max}
        step={isLog ? 1 : (props.step ?? (max - min) / 100)}
        value={inputValue}
        disabled={disabled}
        aria-valuetext={format(value)}
        data-testid={props.testId}
        onChange={(event) => {
          const raw = Number(event.currentTarget.value);
          onChange(isLog ? logValue(raw, min, max, positions) : raw);
        }}
      />
      <output htmlFor={id} aria-hidden="true">{format(value)}</output>
    </div>
  );
}
