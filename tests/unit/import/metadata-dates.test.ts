import { describe, expect, it } from 'vitest';
import { parsePrintedDate } from '../../../main/core/import/metadata-dates.ts';

describe('parsePrintedDate', () => {
  it.each([
    ['Tuesday, 12/19/2023', '2023-12-19', 'Tuesday, 12/19/2023'],
    ['19/12/2023', '2023-12-19', '19/12/2023'],
    ['05/06/2023', '2023-05-06', '05/06/2023'], // ambiguous, no weekday: US order
    ['Saturday, 05/06/2023', '2023-05-06', 'Saturday, 05/06/2023'],
    ['Monday, 05/06/2023', '2023-06-05', 'Monday, 05/06/2023'], // the weekday decides: day/month
    ['19.12.2023', '2023-12-19', '19.12.2023'],
    ['January 28, 2024', '2024-01-28', 'January 28, 2024'],
    ['Jan. 28, 2024', '2024-01-28', 'Jan. 28, 2024'],
    ['Sept. 3rd, 2023', '2023-09-03', 'Sept. 3rd, 2023'],
    ['28 January 2024', '2024-01-28', '28 January 2024'],
    ['2024-01-28', '2024-01-28', '2024-01-28'],
    ['March 2023', '2023-03', 'March 2023'],
    ['Published: January 28, 2024 10:32 GMT', '2024-01-28', 'January 28, 2024'],
    ['Updated on 28 Jan 2024, 10:32 am', '2024-01-28', '28 Jan 2024'],
    ['٢٨ يناير ٢٠٢٤', '2024-01-28', '٢٨ يناير ٢٠٢٤'],
    ['الأحد 28 كانون الثاني 2024', '2024-01-28', 'الأحد 28 كانون الثاني 2024'],
    ['29 February 2024', '2024-02-29', '29 February 2024'],
  ])('%s → %s', (line, iso, text) => {
    expect(parsePrintedDate(line)).toEqual({ iso, text });
  });

  it.each([
    'On January 28, construction was completed',
    'On January 28, 2024, construction was completed',
    'Feb 30, 2024',
    '29 February 2023',
    '13/13/2023',
    'Tuesday, 05/06/2023', // fits neither reading
    'The year 2023',
  ])('%s is not a printed date', (line) => {
    expect(parsePrintedDate(line)).toBeNull();
  });

  it('reads a year alone only where asked (a dateline position)', () => {
    expect(parsePrintedDate('2023')).toBeNull();
    expect(parsePrintedDate('2023', true)).toEqual({ iso: '2023', text: '2023' });
  });
});
