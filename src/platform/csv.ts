/**
 * CSV as RFC 4180 says (comma, double quotes, CRLF). Cells that a spreadsheet would run as a
 * formula (=, +, -, @ at the start) are prefixed with an apostrophe in exports meant for
 * spreadsheets: a suggestion titled "=HYPERLINK(…)" must not run on a moderator's computer.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], options: { spreadsheetSafe?: boolean } = {}): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('|') : value instanceof Date ? value.toISOString() : String(value);
    if (options.spreadsheetSafe && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
