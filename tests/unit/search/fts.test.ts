/**
 * The parser's output run against a real FTS5 table (the DDL of migration 0002) holding the folded
 * sample corpus: what an analyst types finds what it should, and nothing typed ever makes FTS5 throw.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../main/core/errors.ts';
import { parseQuery } from '../../../main/core/search/query.ts';
import { foldForIndex } from '../../../shared/text/fold.ts';
import { ARABIC, corpus, openCorpusIndex } from './corpus-fixture.ts';

const db = openCorpusIndex();
afterAll(() => db.close());
const match = db.prepare<[string], { rowid: number }>('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid');

/** Names (first 3 characters, or 'arabic') of the corpus documents the typed search finds. */
function search(input: string): string[] {
  return match.all(parseQuery(input).fts).map(({ rowid }) => {
    const d = corpus.find((c) => c.rowid === rowid);
    return d?.name.startsWith(ARABIC) ? 'arabic' : (d?.name.slice(0, 3) ?? `?${rowid}`);
  });
}

describe('search over the sample corpus', () => {
  it('the fixture is what the expectations below assume', () => {
    // Found with grep: captagon in 000, 001, 002 (Captagon); Hezbollah in 000, 001; Hizbullah in 002, 003.
    const has = (re: RegExp): string[] => corpus.filter((d) => re.test(d.text)).map((d) => d.name.slice(0, 3));
    expect(has(/\bcaptagon\b/i)).toEqual(['000', '001', '002']);
    expect(has(/\bHezbollah\b/)).toEqual(['000', '001']);
    expect(has(/\bHizbullah\b/)).toEqual(['002', '003']);
    expect(has(/\bal-Assad\b/i)).toEqual(['000', '001', '002']);
    expect(has(/\bdrugs war\b/)).toEqual(['000']);
  });

  it.each([
    ['captagon', ['000', '001', '002']],
    ['CAPTAGON', ['000', '001', '002']],
    ['captag*', ['000', '001', '002']],
    ['"drugs war"', ['000']],
    ['“drugs war”', ['000']],
    ['"war drugs"', []],
    ['captagon NOT Hezbollah', ['002']],
    ['captagon -Hezbollah', ['002']],
    ['Hezbollah OR Hizbullah', ['000', '001', '002', '003']],
    ['captagon Hezbollah OR Hizbullah', ['000', '001', '002']],
    ['Hizbullah -captagon', ['003']],
    ['Al-Assad', ['000', '001', '002']],
    ['assad -"al assad"', []],
    ['title:captagon', []],
  ])('%s finds %j', (input, expected) => {
    expect(search(input)).toEqual(expected);
  });

  it.each([
    ['كيلوغراما', 'finds كيلوغرامًا (tanwin)'],
    ['كيلوغرامًا', 'with its tanwin'],
    ['عراب', 'finds عرّاب (shadda)'],
    ['عرّاب', 'with its shadda'],
    ['الامنية', 'finds الامنية'],
    ['الأمنية', 'hamza form typed, as a reader might'],
    ['الاراضي', 'finds الأراضي'],
    ['الكبتاغون', 'ghain spelling'],
    ['الكبتاجون', 'jeem spelling'],
    ['الكبتــاغون', 'tatweel typed'],
    ['مادة', 'finds مادة (taa marbuta) typed as is'],
    ['ماده', 'and with haa'],
    ['٣٢ كغم', 'Arabic-Indic digits find 32'],
    ['"مادة الكبتاغون"', 'a phrase'],
    ['الكبت*', 'a prefix'],
    ['الكبتاغون OR الكبتاجون', 'both spellings at once'],
  ])('Arabic %s %s', (input) => {
    expect(search(input)).toEqual(['arabic']);
  });

  it('keeps the two captagon spellings apart (alias work, not folding)', () => {
    expect(search('الكبتاجون NOT الكبتاغون')).toEqual([]);
    expect(search('"حبة من مادة الكبتاغون"')).toEqual(['arabic']);
    expect(search('"حبة من مادة الكبتاجون"')).toEqual([]);
  });

  it('searches titles too', () => {
    const t = openCorpusIndex();
    t.prepare('INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)').run(
      99,
      foldForIndex('Posts on captagon seizures (naya_foriraq)'),
      foldForIndex('ضبط (51) كيلوغرامًا'),
    );
    const rows = t.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid').all(parseQuery('seizures').fts);
    expect(rows).toEqual([{ rowid: 99 }]);
    t.close();
  });
});

const NASTY = [
  '"', '""', '"""', "'", "''", '*', '**', 'a*', '*a', 'a**', '"a"*', '"a" *', 'NOT', 'OR', 'AND', 'OR OR',
  'NOT NOT', 'a OR', 'OR a', 'a NOT', 'a AND', 'AND', '(', ')', '()', '(()', '())', ')(', '((a)', 'a)) OR ((b',
  'NEAR(', 'NEAR(a b)', 'NEAR(a b, 2)', 'a NEAR b', 'NEAR/3', 'a:b', 'title:a', 'body:x', '{title body}:x',
  '-title:x', '^a', 'a^b', '+a', 'a + b', '-', '--', '- -a', '-"', '-(', '-)', '-*', '(-a)', 'x (-a)',
  "Robert'); DROP TABLE documents_fts;--", "' OR 1=1 --", '" OR ""="', 'x" OR "1"="1', '\\', '\\"', '%', '_',
  ';', '\u0000', 'a\u0000b', '\u0001\u0002', '\uD800', 'a\uDC00b', '\uFFFF', '🤦🏼‍♂️', '🇯🇴 captagon',
  'e\u0301', '\u0301', 'ـ', 'ًٌٍ', 'الكبتاغون"', '«الكبتاغون»', '“', '”x', '„a“ OR “b”', '"a" OR "b"',
  'a OR NOT b', 'NOT a OR b', 'NOT (a OR b)', 'x NOT (NOT a)', 'x NOT (NOT a NOT b)', 'a OR (NOT b NOT c)',
  'İstanbul', 'ß*', 'ǅ', 'a\tb\nc', '\u200F\u200E', '\u202Ecaptagon', '0x*', '1*', '12*', 'ab*', 'a-b*',
  '"" OR ""', '"*"', '"NOT"', '"OR" OR "OR"', '( ) OR ( )', 'x AND AND y', 'x OR AND y', 'x NOT NOT y',
  'rowid:1', 'documents_fts:x', '*:x', 'col:', ':', '::', '..', '...', '\u3000', 'ﷺ', 'ﻻ', '٠', '٪',
];

/** A small seeded generator, so that the fuzz cases are the same on every run. */
function* randomQueries(count: number, seed: number): Generator<string> {
  const pieces = ['"', '“', '”', "'", '*', '-', '(', ')', ':', '^', '+', ' ', ' ', ' ', 'OR', 'AND', 'NOT', 'NEAR',
    'a', 'captagon', 'ab', 'x', 'عرّاب', 'الكبت', 'ـ', 'ً', '٣', '🤦', '\u0301', ',', '/', '{', '}', '\\', ';', '\u200F'];
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  for (let i = 0; i < count; i++) {
    let s = '';
    const length = 1 + next(8);
    for (let k = 0; k < length; k++) s += pieces[next(pieces.length)] ?? '';
    yield s;
  }
}

const ALLOWED_CODES = ['QUERY_SYNTAX', 'EMPTY_QUERY', 'QUERY_TOO_LONG'];

/** Parses and runs one input: it must be refused with a DomainError, or run without FTS5 throwing. */
function runsOrIsRefused(input: string): 'ran' | string {
  let fts: string;
  try {
    fts = parseQuery(input).fts;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(ALLOWED_CODES).toContain(e.code);
    return e.code;
  }
  expect(() => match.all(fts), `${JSON.stringify(input)} → ${fts}`).not.toThrow();
  return 'ran';
}

describe('no input makes FTS5 throw', () => {
  it(`holds for ${NASTY.length} nasty inputs`, () => {
    expect(NASTY.length).toBeGreaterThanOrEqual(50);
    const outcomes = NASTY.map(runsOrIsRefused);
    // Both outcomes occur, so the test exercises FTS5 and the error path alike.
    expect(outcomes).toContain('ran');
    expect(outcomes).toContain('QUERY_SYNTAX');
    expect(outcomes).toContain('EMPTY_QUERY');
  });

  it('is a real test: many of the same inputs, given to FTS5 raw, make it throw', () => {
    const throwing = NASTY.filter((input) => {
      try {
        match.all(input);
        return false;
      } catch {
        return true;
      }
    });
    expect(throwing.length).toBeGreaterThan(40);
  });

  it('holds for 3,000 seeded random inputs', () => {
    let ran = 0;
    for (const input of randomQueries(3000, 20231219)) if (runsOrIsRefused(input) === 'ran') ran++;
    expect(ran).toBeGreaterThan(300);
  });

  it('holds for the corpus itself, line by line, as pasted text', () => {
    for (const d of corpus) {
      for (const line of d.text.split('\n')) {
        if (line.trim()) runsOrIsRefused(line.slice(0, 300));
      }
    }
  });
});
