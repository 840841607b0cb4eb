/**
 * A labelled number field that takes what people type: the text is read when the reader commits it
 * (Enter, or leaving the field), not clamped at every keystroke, so typing 2000 gives 2000. A value it
 * cannot take is refused with a message next to the field and the widget keeps its previous value;
 * Escape puts the field back.
 */
import { useEffect, useId, useState } from 'react';
import { readNumberInput, type NumberRange } from './number-input';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly range: NumberRange;
  readonly onCommit: (value: number) => void;
  readonly disabled?: boolean;
  /** Why the field is disabled, or when its value applies; shown as its title and read with it. */
  readonly hint?: string;
  readonly testId?: string;
}

export function NumberField({ label, value, range, onCommit, disabled, hint, testId }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [message, setMessage] = useState<string | null>(null);

  // A value set from elsewhere (Reset to defaults, a link) replaces whatever was being typed.
  useEffect(() => {
    setDraft(String(value));
    setMessage(null);
  }, [value]);

  const commit = (): void => {
    const reading = readNumberInput(draft, range);
    if (!reading.ok) {
      setMessage(reading.message);
      return;
    }
    setMessage(null);
    setDraft(String(reading.value));
    if (reading.value !== value) onCommit(reading.value);
  };

  return (
    <span className="ba-inline-field ba-number-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={range.integer && range.min >= 0 ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        value={draft}
        disabled={disabled}
        title={hint}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-message` : hint ? `${id}-hint` : undefined}
        data-testid={testId}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') {
            setDraft(String(value));
            setMessage(null);
          }
        }}
      />
      {hint && !message && <span id={`${id}-hint`} className="ba-visually-hidden">{hint}</span>}
      {message && <span id={`${id}-message`} className="ba-field-message" role="alert" data-testid={testId ? `${testId}-message` : undefined}>{message}</span>}
    </span>
  );
}
