/** CSV export of what a plot shows. */

/** RFC 4180-style CSV: a header row, then one row per record; numbers at full precision. */
export function toCsv(columns: readonly string[], rows: readonly (readonly (number | string)[])[]): string {
  const cell = (value: number | string): string => {
    const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Offers the text as a file download (the data never leaves the reader's machine). */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
