/** Two or more pressed-state buttons that switch a widget between its modes (e.g. Sliders / Live training). */
export interface ModeOption<Mode extends string> {
  readonly mode: Mode;
  readonly label: string;
  readonly testId?: string;
}

export function ModeToggle<Mode extends string>({ current, options, onChange }: {
  readonly current: Mode;
  readonly options: readonly ModeOption<Mode>[];
  readonly onChange: (mode: Mode) => void;
}) {
  return (
    <div className="ba-toggle" role="group" aria-label="Mode">
      {options.map(({ mode, label, testId }) => (
        <button key={mode} type="button" aria-pressed={mode === current} onClick={() => onChange(mode)} data-testid={testId}>{label}</button>
      ))}
    </div>
  );
}
