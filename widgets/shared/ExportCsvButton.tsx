/** "Export CSV" for the data behind the current plot. */
import { downloadText, toCsv } from './csv';

export interface ExportCsvButtonProps {
  readonly fileName: string;
  readonly columns: readonly string[];
  readonly rows: () => readonly (readonly (number | string)[])[];
}

export function ExportCsvButton({ fileName, columns, rows }: ExportCsvButtonProps) {
  return (
    <button type="button" className="ba-secondary" onClick={() => downloadText(fileName, toCsv(columns, rows()))}>
      Export CSV
    </button>
  );
}
