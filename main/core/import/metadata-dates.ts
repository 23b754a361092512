/**
 * Reading a printed article date: "Tuesday, 12/19/2023", "January 28, 2024", "Jan. 28, 2024",
 * "28 January 2024", "2024-01-28", "March 2023" (→ "2024-03"), "28 يناير 2024". Only whole lines (or a
 * byline's tail) are read as dates, with an optional "Published"/"Updated" prefix and a trailing time:
 * a date inside a sentence is an event in the story, not the article's date.
 *
 * Numeric dates: "12/19/2023" can only be month/day; "19/12/2023" only day/month; "05/06/2023" is
 * ambiguous and a weekday printed with it decides ("Tuesday, 06/05/2023"); without one we follow the
 * US order, as the reports we receive in English print it, and the analyst sees `publishedText`.
 * Dotted dates ("19.12.2023") are day.month.year, as everywhere that writes them.
 */
import { toPartialDate } from './partial-date.ts';

export interface PrintedDate {
  /** Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
  iso: string;
  /** The date as printed, weekday included, prefix and time left out. */
  text: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
  // Arabic: the Egyptian (يناير) and the Levantine/Iraqi (كانون الثاني) month names.
  'يناير': 1, 'فبراير': 2, 'مارس': 3, 'أبريل': 4, 'ابريل': 4, 'إبريل': 4, 'مايو': 5, 'يونيو': 6, 'يونيه': 6,
  'يوليو': 7, 'يوليه': 7, 'أغسطس': 8, 'اغسطس': 8, 'سبتمبر': 9, 'أكتوبر': 10, 'اكتوبر': 10, 'نوفمبر': 11,
  'ديسمبر': 12, 'كانون الثاني': 1, 'شباط': 2, 'آذار': 3, 'اذار': 3, 'نيسان': 4, 'أيار': 5, 'ايار': 5,
  'حزيران': 6, 'تموز': 7, 'آب': 8, 'اب': 8, 'أيلول': 9, 'ايلول': 9, 'تشرين الأول': 10, 'تشرين الاول': 10,
  'تشرين الثاني': 11, 'كانون الأول': 12, 'كانون الاول': 12,
};
const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4,
  thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
  'الأحد': 0, 'الاحد': 0, 'الإثنين': 1, 'الاثنين': 1, 'الثلاثاء': 2, 'الأربعاء': 3, 'الاربعاء': 3,
  'الخميس': 4, 'الجمعة': 5, 'السبت': 6,
};

const byLength = (names: string[]): string => names.sort((a, b) => b.length - a.length).join('|');
const MONTH = `(${byLength(Object.keys(MONTHS))})\\.?`;
const WEEKDAY = `(?:(${byLength(Object.keys(WEEKDAYS))})\\.?,?\\s+)?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

const PREFIX = String.raw`^(?:(?:first\s+published|last\s+updated|published|updated|posted|date|نشر|تاريخ النشر|آخر تحديث)\s*(?:on|في)?\s*[:：]?\s*)?`;
const TIME = String.raw`(?:\s*(?:[,|–—-]|at|-)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4})(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?)?`;

// 'd' gives group offsets, so the printed text can be cut from the line as it was (Arabic digits kept).
const wrap = (body: string): RegExp => new RegExp(`${PREFIX}(${WEEKDAY}${body})${TIME}\\s*$`, 'iud');

// Each pattern: the full date in group 1, weekday in 2, then its own groups.
const NUMERIC = wrap(String.raw`(\d{1,2})([/.])(\d{1,2})\4${YEAR}`);
const MONTH_DAY_YEAR = wrap(`${MONTH}\\s+${DAY},?\\s+${YEAR}`);
const DAY_MONTH_YEAR = wrap(`${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}`);
const ISO = wrap(String.raw`(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?`);
const MONTH_YEAR = wrap(`${MONTH},?\\s+${YEAR}`);
const YEAR_ONLY = wrap(YEAR);

/**
 * The date a whole line prints, or null. `allowYearOnly` is for dateline positions (a line of its
 * own in the header), where "2023" is a date; elsewhere a lone number proves nothing.
 */
export function parsePrintedDate(line: string, allowYearOnly = false): PrintedDate | null {
  const printed = line.trim();
  const text = toWesternDigits(printed);
  if (text.length > 80 || !/\d{4}/.test(text)) return null;
  const found = (m: RegExpExecArray, iso: string | null): PrintedDate | null => {
    const [start, end] = m.indices?.[1] ?? [0, printed.length];
    return iso === null ? null : { iso, text: printed.slice(start, end).trim() };
  };
  let m: RegExpExecArray | null;
  if ((m = NUMERIC.exec(text))) return found(m, numeric(m));
  if ((m = MONTH_DAY_YEAR.exec(text))) return found(m, toPartialDate(n(m[5]), month(m[3]), n(m[4])));
  if ((m = DAY_MONTH_YEAR.exec(text))) return found(m, toPartialDate(n(m[5]), month(m[4]), n(m[3])));
  if ((m = ISO.exec(text))) return found(m, toPartialDate(n(m[3]), n(m[4]), n(m[5])));
  if ((m = MONTH_YEAR.exec(text))) return found(m, toPartialDate(n(m[4]), month(m[3])));
  if (allowYearOnly && (m = YEAR_ONLY.exec(text)) && m[2] === undefined) return found(m, toPartialDate(n(m[3])));
  return null;
}

/** Month/day or day/month, decided as the module header explains. A weekday that fits neither: null. */
function numeric(m: RegExpExecArray): string | null {
  const [a, sep, b, y] = [n(m[3]), m[4], n(m[5]), n(m[6])];
  const weekday = m[2] === undefined ? undefined : WEEKDAYS[m[2].toLowerCase()];
  const fits = (iso: string | null): iso is string =>
    iso !== null && (weekday === undefined || new Date(`${iso}T00:00:00Z`).getUTCDay() === weekday);
  const monthFirst = toPartialDate(y, a, b);
  const dayFirst = toPartialDate(y, b, a);
  if (sep === '.') return fits(dayFirst) ? dayFirst : null;
  if (fits(monthFirst)) return monthFirst;
  return fits(dayFirst) ? dayFirst : null;
}

const n = (s: string | undefined): number => Number(s);
const month = (s: string | undefined): number => MONTHS[(s ?? '').toLowerCase()] ?? 0;

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits to ASCII, one for one, so offsets do not move. */
function toWesternDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}
