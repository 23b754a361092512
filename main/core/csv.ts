/**
 * CSV for spreadsheets: RFC 4180 quoting, UTF-8 with a byte-order mark (so Excel reads Arabic
 * correctly), and cells that a spreadsheet would take for a formula (=, +, -, @, tab, CR) prefixed
 * with an apostrophe, so no formula that came from a document ever runs.
 */
export const CSV_BOM = '\ufeff';

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: unknown[]): string => `${values.map(csvCell).join(',')}\r\n`;
