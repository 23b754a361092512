/**
 * Partial ISO dates: "2024", "2024-03" or "2024-03-28". A publication date is often known only to the
 * month or year, and storing "2024-01-01" for "2024" would invent precision. Shared by the sidecar
 * parser and the date proposer so both validate the same way.
 */

/** Days in a month, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats a validated date as a partial ISO date, or returns null if it does not exist. */
export function toPartialDate(year: number, month?: number, day?: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  const y = String(year);
  if (month === undefined) return y;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const m = String(month).padStart(2, '0');
  if (day === undefined) return `${y}-${m}`;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${y}-${m}-${String(day).padStart(2, '0')}`;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Reads "YYYY", "YYYY-MM", "YYYY-MM-DD" or a full ISO datetime, returning the partial date. A
 * datetime keeps the calendar date as written: converting "2024-01-28T23:30+03:00" to UTC would move
 * the article to the wrong day.
 */
export function parseIsoPartialDate(value: string): string | null {
  const m = ISO.exec(value.trim());
  if (m === null) return null;
  const [, y, mo, d, hh, mm, ss] = m;
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 60))) return null;
  return toPartialDate(Number(y), mo === undefined ? undefined : Number(mo), d === undefined ? undefined : Number(d));
}
