/**
 * `<References cited={['Kendall 2018', …]} notes={{ GABA: '§12.3: …' }} />`: a chapter's reference
 * list, drawn from the one bibliography, with an optional note of what the chapter takes from each.
 */
import { BIBLIOGRAPHY, formatReference, isCitationKey } from './bibliography';

interface ReferencesProps {
  readonly cited: readonly string[];
  readonly notes?: Readonly<Record<string, string>>;
}

export function References({ cited, notes = {} }: ReferencesProps) {
  return (
    <ul className="references" data-testid="references">
      {cited.map((key) => (
        <li key={key} id={`ref-${key.replace(/[^A-Za-z0-9]+/g, '-')}`}>
          <strong>[{key}]</strong>{' '}
          {isCitationKey(key) ? formatReference(key) : `missing from the bibliography (${Object.keys(BIBLIOGRAPHY).length} entries)`}
          {notes[key] ? <> Cited for: {notes[key]}</> : null}
        </li>
      ))}
    </ul>
  );
}
